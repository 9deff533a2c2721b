using System.CommandLine;
using DesaGis.Data;
using DesaGis.Data.Import;
using DesaGis.Data.Import.Targets;
using DesaGis.Data.Indicators;
using Npgsql;

namespace DesaGis.Cli.Commands;

/// <summary><c>desagis import …</c>: load GeoJSON, Shapefile, GeoPackage and CSV files into the DesaGis tables.</summary>
public static class ImportCommands
{
    private const int ExitBadInput = 2;
    private const int ExitFailed = 1;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The file: .geojson/.json, .shp, .zip (with a shapefile), .gpkg, .csv or .xlsx." };
        var target = new Option<string?>("--target", "-t")
        {
            Description = $"The table: {string.Join(", ", TargetCatalog.All.Select(t => t.Name))} (a preset implies one).",
        };
        var preset = new Option<string?>("--preset", "-p") { Description = $"A known file layout: {string.Join(", ", ImportPresets.All.Select(p => p.Name))} ('desagis import presets' describes them)." };
        var format = new Option<string?>("--format") { Description = "geojson, shapefile, geopackage or csv (default: from the file name)." };
        var layer = new Option<string?>("--layer") { Description = "The GeoPackage table to read when there are several." };
        var map = new Option<string[]>("--map", "-m")
        {
            Description = "Field mapping target=column, comma-separated or repeated (e.g. nama=NAMOBJ,kode=KDEPUM); a value with {braces} is a template.",
        };
        var set = new Option<string[]>("--set") { Description = "A constant for every row, field=value (e.g. kind=UPT); repeat for more." };
        var srs = new Option<string?>("--srs") { Description = "The source CRS, e.g. EPSG:32750 (UTM 50S) or EPSG:4755 (DGN95); overrides .prj / crs / GeoPackage srs." };
        var year = new Option<int?>("--year") { Description = "The year of indicator or crosswalk rows when the file has no year column." };
        var sourceName = new Option<string?>("--source") { Description = "The source recorded with indicator rows (default: the preset's, else the file name)." };
        var codes = new Option<string?>("--code-system") { Description = "kemendagri (default) or bps: BPS codes are translated through the code crosswalk." };
        var delimiter = new Option<string?>("--delimiter") { Description = "CSV delimiter (default: detected; 'tab' for tabs)." };
        var wkt = new Option<string?>("--wkt-column") { Description = "CSV column holding WKT geometry (default: wkt, geom, geometry or the_geom when present)." };
        var lon = new Option<string?>("--lon-column") { Description = "CSV longitude column (default: lon, lng, longitude or x when present)." };
        var lat = new Option<string?>("--lat-column") { Description = "CSV latitude column (default: lat, latitude or y when present)." };
        var outlines = new Option<string>("--outlines")
        {
            Description = "For kecamatan, kabupaten and desa polygons: check (default) reports the kecamatan/kabupaten whose outline disagrees with their villages, " +
                          "build also rebuilds those outlines from the villages (ST_Union), none does neither.",
            DefaultValueFactory = _ => "check",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Do everything, report, and roll back." };
        var showRejected = new Option<int>("--show-rejected") { Description = "How many rejected rows to list.", DefaultValueFactory = _ => 20 };
        var indicator = new Option<string[]>("--indicator", "-i")
        {
            Description = "Import an indicator table (CSV or .xlsx) into the indicator catalog: CODE or CODE=COLUMN, repeat for more value columns.",
        };
        var create = new Option<bool>("--create") { Description = "Add the indicator to the catalog when it is not there (with --name, --direction, --unit …)." };
        var name = new Option<string?>("--name") { Description = "With --create: the indicator's name in Bahasa Indonesia." };
        var nameEn = new Option<string?>("--name-en") { Description = "With --create: the indicator's name in English." };
        var unit = new Option<string?>("--unit") { Description = "With --create: the unit (%, jiwa, per 1000 …)." };
        var direction = new Option<string?>("--direction") { Description = "With --create: higher_better, higher_worse or neutral." };
        var levels = new Option<string?>("--levels") { Description = "With --create: the levels it exists at, comma-separated (default: those in the file)." };
        var description = new Option<string?>("--description") { Description = "With --create: a description." };
        var codeColumn = new Option<string?>("--code-column") { Description = "The column of area codes (default: kode, kode_bps, kode_desa, kode_kab, …)." };
        var yearColumn = new Option<string?>("--year-column") { Description = "The column of years (default: year or tahun; or give --year)." };
        var sourceColumn = new Option<string?>("--source-column") { Description = "The column naming each row's source (default: source or sumber; or give --source)." };
        var sheet = new Option<string?>("--sheet") { Description = "The sheet of an .xlsx workbook (default: the first)." };

        var import = new Command("import", "Import a GeoJSON, Shapefile, GeoPackage or CSV file into a DesaGis table (one transaction per file).");
        import.Arguments.Add(file);
        foreach (var o in new Option[] { target, preset, format, layer, map, set, srs, year, sourceName, codes, delimiter, wkt, lon, lat, outlines, dryRun, showRejected,
                                         indicator, create, name, nameEn, unit, direction, levels, description, codeColumn, yearColumn, sourceColumn, sheet })
            import.Options.Add(o);
        import.SetAction((parse, ct) => RunAsync(parse.GetValue(showRejected), async (console, dataSource) =>
        {
            if (parse.GetValue(indicator) is { Length: > 0 } indicators)
            {
                var indicatorRequest = new IndicatorImportRequest
                {
                    Path = parse.GetValue(file)!,
                    Format = parse.GetValue(format) is { } ff ? ParseFormat(ff) : null,
                    Sheet = parse.GetValue(sheet) ?? parse.GetValue(layer),
                    Delimiter = parse.GetValue(delimiter),
                    Indicators = indicators.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        .Select(v => v.IndexOf('=') is var eq && eq > 0 ? (v[..eq].Trim(), (string?)v[(eq + 1)..].Trim()) : (v, null)).ToList(),
                    CodeColumn = parse.GetValue(codeColumn),
                    CodeSystem = parse.GetValue(codes) is { } cs ? ParseCodeSystem(cs) : null,
                    Year = parse.GetValue(year),
                    YearColumn = parse.GetValue(yearColumn),
                    Source = parse.GetValue(sourceName),
                    SourceColumn = parse.GetValue(sourceColumn),
                    Create = parse.GetValue(create)
                        ? new IndicatorDraft
                        {
                            NameId = parse.GetValue(name) ?? throw new ImportException("--create needs --name (the indicator's name in Bahasa Indonesia)."),
                            NameEn = parse.GetValue(nameEn),
                            Unit = parse.GetValue(unit),
                            Direction = parse.GetValue(direction) ?? throw new ImportException("--create needs --direction higher_better, higher_worse or neutral."),
                            Levels = parse.GetValue(levels)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                            Description = parse.GetValue(description),
                        }
                        : null,
                    DryRun = parse.GetValue(dryRun),
                    Actor = Environment.UserName,
                };
                var report = await new IndicatorImporter(dataSource).ImportAsync(indicatorRequest, ct);
                IndicatorImportConsole.Print(report, parse.GetValue(showRejected));
                return;
            }
            var request = new ImportRequest
            {
                Path = parse.GetValue(file)!,
                Target = parse.GetValue(target) is { } t ? TargetCatalog.TryParse(t) ?? throw new ImportException(
                    $"Unknown target '{t}'; the targets are {string.Join(", ", TargetCatalog.All.Select(x => x.Name))}.") : null,
                Preset = parse.GetValue(preset),
                Format = parse.GetValue(format) is { } f ? ParseFormat(f) : null,
                Layer = parse.GetValue(layer),
                FieldMap = Pairs(parse.GetValue(map), "--map"),
                Constants = Pairs(parse.GetValue(set), "--set"),
                SourceCrs = parse.GetValue(srs),
                Year = parse.GetValue(year),
                Source = parse.GetValue(sourceName),
                CodeSystem = parse.GetValue(codes) is { } c ? ParseCodeSystem(c) : null,
                Delimiter = parse.GetValue(delimiter),
                WktColumn = parse.GetValue(wkt),
                LonColumn = parse.GetValue(lon),
                LatColumn = parse.GetValue(lat),
                Outlines = ParseOutlines(parse.GetValue(outlines)!),
                DryRun = parse.GetValue(dryRun),
                Actor = Environment.UserName,
            };
            await console.RunAsync(Path.GetFileName(request.Path), request, ct);
        }, ct));

        var from = new Option<string>("--from")
        {
            Description = "The shared geodata folder (the one with cahyadsn_wilayah/, zakiego_relasi_bps_kemendagri/, …).",
            DefaultValueFactory = _ => "../shared/geodata",
        };
        var povertyYear = new Option<int>("--poverty-year")
        {
            Description = $"The year the kab/kota poverty table is recorded under (the source states none; default {SharedGeodataPlan.DefaultPovertyYear}).",
            DefaultValueFactory = _ => SharedGeodataPlan.DefaultPovertyYear,
        };
        var all = new Command("all", "Import everything in the shared geodata folder, in the right order (code lists, boundaries, crosswalk, indicators, transmigration).");
        all.Options.Add(from);
        all.Options.Add(povertyYear);
        all.Options.Add(outlines);
        all.Options.Add(dryRun);
        all.Options.Add(showRejected);
        all.SetAction((parse, ct) => RunAsync(parse.GetValue(showRejected), async (console, dataSource) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(from)!);
            var steps = SharedGeodataPlan.Steps(dir, parse.GetValue(povertyYear));
            bool dry = parse.GetValue(dryRun);
            // A dry run of the whole plan runs in one transaction, rolled back at the end: later steps (the BPS-keyed
            // poverty table) need what earlier ones (the crosswalk) would have written.
            await using var connection = dry ? await dataSource.OpenConnectionAsync(ct) : null;
            await using var transaction = connection is null ? null : await connection.BeginTransactionAsync(ct);
            int n = 0;
            foreach (var step in steps)
            {
                n++;
                var request = step.Request with { DryRun = dry, Actor = Environment.UserName, Outlines = ParseOutlines(parse.GetValue(outlines)!) };
                await console.RunAsync($"[{n}/{steps.Count}] {step.Title}", request, ct, connection);
            }
            if (transaction is not null) await transaction.RollbackAsync(ct);
        }, ct));
        import.Subcommands.Add(all);

        var presets = new Command("presets", "List the presets (known file layouts) and what they map.");
        presets.SetAction(_ =>
        {
            foreach (var p in ImportPresets.All)
            {
                Console.WriteLine($"{p.Name}  →  {TargetCatalog.Get(p.Target).Name}");
                Console.WriteLine($"    {p.Description}");
                if (p.FieldMap.Count > 0) Console.WriteLine($"    --map {string.Join(",", p.FieldMap.Select(kv => $"{kv.Key}={kv.Value}"))}");
                if (p.Constants.Count > 0) Console.WriteLine($"    --set {string.Join(" --set ", p.Constants.Select(kv => $"{kv.Key}={kv.Value}"))}");
                if (p.Year is int y) Console.WriteLine($"    --year {y}");
                if (p.CodeSystem is { } cs) Console.WriteLine($"    --code-system {cs.ToString().ToLowerInvariant()}");
            }
            return 0;
        });
        import.Subcommands.Add(presets);
        return import;
    }

    private static async Task<int> RunAsync(int showRejected, Func<ImportConsole, NpgsqlDataSource, Task> body, CancellationToken cancellationToken)
    {
        try
        {
            await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-import");
            await body(new ImportConsole(new Importer(dataSource), showRejected), dataSource);
            return 0;
        }
        catch (ImportException ex)
        {
            Console.Error.WriteLine($"import refused: {ex.Message}");
            return ExitBadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("import cancelled; nothing was written (the transaction was rolled back).");
            return ExitFailed;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("No database configured", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(ex.Message);
            return ExitBadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"import refused: the file cannot be read ({ex.Message}); nothing was written.");
            return ExitBadInput;
        }
        catch (NpgsqlException ex)
        {
            // The transaction was rolled back; say what the database said, without the connection string.
            Console.Error.WriteLine($"import failed and was rolled back; the database said: {ex.Message}");
            return ExitFailed;
        }
    }

    private static IReadOnlyDictionary<string, string> Pairs(string[]? values, string option)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var eq = item.IndexOf('=');
            if (eq <= 0 || eq == item.Length - 1) throw new ImportException($"{option} expects field=value, not '{item}'.");
            pairs[item[..eq].Trim()] = item[(eq + 1)..].Trim();
        }
        return pairs;
    }

    private static ImportFormat ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "geojson" or "json" => ImportFormat.GeoJson,
        "shapefile" or "shp" or "zip" => ImportFormat.Shapefile,
        "geopackage" or "gpkg" => ImportFormat.GeoPackage,
        "csv" or "tsv" or "text" => ImportFormat.Csv,
        "xlsx" or "excel" => ImportFormat.Xlsx,
        _ => throw new ImportException($"Unknown format '{text}'; use geojson, shapefile, geopackage, csv or xlsx."),
    };

    internal static ImportOutlines ParseOutlines(string text) => text.Trim().ToLowerInvariant() switch
    {
        "check" => ImportOutlines.Check,
        "build" => ImportOutlines.Build,
        "none" => ImportOutlines.None,
        _ => throw new ImportException($"Unknown --outlines '{text}'; use check, build or none."),
    };

    private static CodeSystem ParseCodeSystem(string text) => text.Trim().ToLowerInvariant() switch
    {
        "kemendagri" or "dagri" or "pum" => CodeSystem.Kemendagri,
        "bps" => CodeSystem.Bps,
        _ => throw new ImportException($"Unknown code system '{text}'; use kemendagri or bps."),
    };
}
