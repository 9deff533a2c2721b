using System.CommandLine;
using DesaGis.Core.Mapping;
using DesaGis.Data;
using DesaGis.Data.Catalog;
using DesaGis.Data.Export;
using DesaGis.Rendering.Layout;
using DesaGis.Rendering.Printing;
using DesaGis.Rendering.Styles;
using Spectre.Console;

namespace DesaGis.Cli.Commands;

/// <summary><c>desagis export map|data|package …</c>: printed maps, data files and offline packages, with progress bars.</summary>
public static class ExportCommands
{
    private static readonly Option<string?> Bbox = new("--bbox") { Description = "Area as minlon,minlat,maxlon,maxlat (EPSG:4326)." };
    private static readonly Option<string?> Kabupaten = new("--kabupaten") { Description = "Area: a kabupaten/kota code, e.g. 63.04." };
    private static readonly Option<string?> Kecamatan = new("--kecamatan") { Description = "Area: a kecamatan code, e.g. 63.04.01." };
    private static readonly Option<string?> Desa = new("--desa") { Description = "Area: a village code, e.g. 63.04.01.2001." };
    private static readonly Option<string?> Scenario = new("--scenario") { Description = "Area: the villages of a saved planner scenario (its id); for scenario layers, a filter." };
    private static readonly Option<string?> Output = new("--out", "-o") { Description = "Output file (default: a name from the area and format in the current folder)." };

    public static Command Create()
    {
        var export = new Command("export", "Printed maps, data files and offline packages for field work.");
        export.Subcommands.Add(MapCommand());
        export.Subcommands.Add(DataCommand());
        export.Subcommands.Add(PackageCommand());
        return export;
    }

    private static Command MapCommand()
    {
        var paper = new Option<string>("--paper") { Description = "a4 or a3.", DefaultValueFactory = _ => "a4" };
        var orientation = new Option<string>("--orientation") { Description = "portrait or landscape.", DefaultValueFactory = _ => "landscape" };
        var dpi = new Option<int>("--dpi") { Description = "PNG resolution, 96–300.", DefaultValueFactory = _ => 150 };
        var format = new Option<string>("--format") { Description = "pdf or png.", DefaultValueFactory = _ => "pdf" };
        var title = new Option<string?>("--title") { Description = "Page title (default: the area's name)." };
        var atlas = new Option<bool>("--atlas") { Description = "Add one page per village of the area (PDF only)." };
        var noOverview = new Option<bool>("--no-overview") { Description = "Leave out the overview inset." };
        var styles = new Option<string?>("--styles") { Description = "Folder holding desagis.json (default: the repository's styles/)." };
        var command = new Command("map", "Print a PDF or PNG map of an area (with --atlas: one page per village).")
        {
            Bbox, Kabupaten, Kecamatan, Desa, Scenario, paper, orientation, dpi, format, title, atlas, noOverview, styles, Output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var area = Area(parse);
            if (area is null) return 2;
            if (!Enum.TryParse<PaperSize>(parse.GetValue(paper), true, out var paperSize) ||
                !Enum.TryParse<PageOrientation>(parse.GetValue(orientation), true, out var pageOrientation) ||
                !Enum.TryParse<MapOutputFormat>(parse.GetValue(format), true, out var outputFormat))
                return Fail("--paper must be a4 or a3, --orientation portrait or landscape, --format pdf or png.");
            var options = new MapPageOptions
            {
                Paper = paperSize, Orientation = pageOrientation, Dpi = parse.GetValue(dpi), Format = outputFormat,
                Date = DateOnly.FromDateTime(DateTime.UtcNow),
            };
            if (options.Validate() is { } problem) return Fail(problem);
            if (parse.GetValue(atlas) && outputFormat == MapOutputFormat.Png) return Fail("An atlas has several pages; use --format pdf.");
            var request = new MapPrintRequest
            {
                Area = area, Options = options, Title = parse.GetValue(title), Atlas = parse.GetValue(atlas), Overview = !parse.GetValue(noOverview),
            };
            var path = parse.GetValue(Output) ?? $"peta_{area.Slug}.{(outputFormat == MapOutputFormat.Pdf ? "pdf" : "png")}";
            var style = StyleLocator.LoadMainOrDefault(parse.GetValue(styles));
            await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
            var printer = new MapPrinter(style, new PostgisMapDataSource(dataSource, LayerCatalog.Default));
            int pages = 0;
            try
            {
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"Printing {area.Slug}", maxValue: 1.0);
                    await using var file = File.Create(path);
                    pages = await printer.PrintAsync(request, file, new Bar(task), ct);
                    task.Value = 1.0;
                });
            }
            catch (Exception ex) when (ex is UnknownAreaException or ArgumentException)
            {
                File.Delete(path);
                return Fail(ex.Message);
            }
            AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{path}[/] ({pages} page{(pages == 1 ? "" : "s")}, style '{style.Name}').");
            return 0;
        });
        return command;
    }

    private static Command DataCommand()
    {
        var collection = new Argument<string>("collection") { Description = "Collection id: " + string.Join(", ", LayerCatalog.Default.Layers.Select(l => l.Id)) + "." };
        var format = new Option<string>("--format") { Description = DataExportFormats.Names + ".", DefaultValueFactory = _ => "gpkg" };
        var geometry = new Option<string>("--geometry") { Description = "CSV geometry: wkt or centroid.", DefaultValueFactory = _ => "wkt" };
        var command = new Command("data", "Export a collection (optionally of one area) as GeoJSON, CSV, GeoPackage, Shapefile, KML or GPX.")
        {
            collection, format, geometry, Bbox, Kabupaten, Kecamatan, Desa, Scenario, Output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var layer = LayerCatalog.Default.Find(parse.GetValue(collection)!);
            if (layer is null) return Fail($"Unknown collection; use one of {string.Join(", ", LayerCatalog.Default.Layers.Select(l => l.Id))}.");
            if (!DataExportFormats.TryParse(parse.GetValue(format), out var fileFormat)) return Fail($"--format must be one of {DataExportFormats.Names}.");
            if (!Enum.TryParse<CsvGeometry>(parse.GetValue(geometry), true, out var csvGeometry)) return Fail("--geometry must be wkt or centroid.");
            // --scenario filters a scenario layer by its own column; for other collections it names the area.
            long? scenarioId = null;
            bool scenarioLayer = layer.FindProperty(LayerFeatureReader.ScenarioProperty) is not null;
            ExportArea? area = null;
            if (new[] { Bbox, Kabupaten, Kecamatan, Desa }.Any(o => !string.IsNullOrWhiteSpace(parse.GetValue(o))) ||
                (!scenarioLayer && !string.IsNullOrWhiteSpace(parse.GetValue(Scenario))))
            {
                area = Area(parse, includeScenario: !scenarioLayer);
                if (area is null) return 2;
            }
            if (scenarioLayer && parse.GetValue(Scenario) is { Length: > 0 } text)
            {
                if (!long.TryParse(text, out var sid) || sid <= 0) return Fail("--scenario must be a positive scenario id.");
                scenarioId = sid;
            }
            var path = parse.GetValue(Output) ?? DataExportService.FileName(layer, area, fileFormat);
            await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
            var exports = new DataExportService(dataSource, LayerCatalog.Default);
            int count = 0;
            try
            {
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var read = ctx.AddTask($"Reading {layer.Id}", maxValue: 1);
                    var features = await exports.ReadAsync(layer, area, ct, scenarioId);
                    count = features.Features.Count;
                    read.Value = 1;
                    var write = ctx.AddTask($"Writing {Path.GetFileName(path)}", maxValue: 1);
                    await using var file = File.Create(path);
                    await DataExportService.WriteAsync(layer, features, fileFormat, file, csvGeometry, layer.Title + (area is null ? "" : " — " + area.Slug), ct);
                    write.Value = 1;
                });
            }
            catch (UnknownAreaException ex)
            {
                File.Delete(path);
                return Fail(ex.Message);
            }
            AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{path}[/] ({count} features).");
            return 0;
        });
        return command;
    }

    private static Command PackageCommand()
    {
        var styles = new Option<string?>("--styles") { Description = "Folder holding desagis.json (default: the repository's styles/)." };
        var command = new Command("package", "Build the offline package of an area: QGIS project, styled GeoPackage, MBTiles, PDF map and README in one zip.")
        {
            Bbox, Kabupaten, Kecamatan, Desa, Scenario, styles, Output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var area = Area(parse);
            if (area is null) return 2;
            var path = parse.GetValue(Output) ?? $"desagis_{area.Slug}.zip";
            await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
            var source = new PostgisMapDataSource(dataSource, LayerCatalog.Default);
            var resolved = await source.ResolveAsync(area, ct);
            if (resolved is null) return Fail(new UnknownAreaException(area).Message);
            var style = StyleLocator.LoadMainOrDefault(parse.GetValue(styles));
            var printer = new MapPrinter(style, source);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var print = new MapPrintRequest
            {
                Area = area,
                Options = new MapPageOptions { Paper = PaperSize.A3, Orientation = PageOrientation.Landscape, Format = MapOutputFormat.Pdf, Date = today },
            };
            var writer = new OfflinePackageWriter(new DataExportService(dataSource, LayerCatalog.Default),
                new DesaGis.Data.Tiles.TileExporterMbtilesWriter(
                    new DesaGis.Data.Tiles.PostgisTileSource(dataSource, LayerCatalog.Default) { CommandTimeoutSeconds = 120 }, LayerCatalog.Default),
                new DesaGis.Rendering.Qgis.QgisStyleWriter(style));
            OfflinePackageContents? contents = null;
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Packing {area.Slug}", maxValue: 4);
                await using var file = File.Create(path);
                contents = await writer.WriteAsync(resolved, (s, token) => printer.PrintAsync(print, s, null, token), file,
                    new Steps(task), today, ct);
                task.Value = 4;
            });
            AnsiConsole.MarkupLineInterpolated($"Wrote [bold]{path}[/]: {contents!.QgisProject}, {contents.GeoPackage} ({contents.FeatureCounts.Values.Sum()} features), {contents.Mbtiles}, {contents.Pdf}, README.txt.");
            return 0;
        });
        return command;
    }

    private static ExportArea? Area(ParseResult parse, bool includeScenario = true)
    {
        var area = ExportArea.TryCreate(parse.GetValue(Bbox), parse.GetValue(Kabupaten), parse.GetValue(Kecamatan), parse.GetValue(Desa), out var error,
            includeScenario ? parse.GetValue(Scenario) : null);
        if (area is null)
            Fail(error!.Replace("kabupaten_kode=", "--kabupaten ").Replace("kecamatan_kode=", "--kecamatan ").Replace("desa_kode=", "--desa ").Replace("bbox=", "--bbox ").Replace("scenario_id=", "--scenario "));
        return area;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 2;
    }

    // Spectre's task is updated in place, synchronously, by the printer's progress reports.
    private sealed class Bar(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = value;
    }

    private sealed class Steps(ProgressTask task) : IProgress<string>
    {
        public void Report(string value)
        {
            task.Description = "Packing: " + value;
            task.Increment(1);
        }
    }
}
