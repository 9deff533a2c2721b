using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DesaGis.Core.Codes;
using DesaGis.Core.Indicators;
using DesaGis.Data.Import;
using DesaGis.Data.Import.Sources;
using DesaGis.Data.Import.Targets;
using DesaGis.Data.Security;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Data.Indicators;

/// <summary>
/// Imports an indicator table (CSV or .xlsx) into the indicator catalog: one value per area, indicator and year,
/// each with its source. Codes may be Kemendagri or BPS (translated through the crosswalk); the level of each row
/// follows from its code. Like the other imports it is one transaction: rows that cannot be used are reported with
/// their line and reason, the rest is written with the catalog entry it needs, and a failure leaves nothing behind.
/// </summary>
public sealed partial class IndicatorImporter(NpgsqlDataSource dataSource)
{
    private static readonly string[] CodeAliases =
    [
        "kode", "kode_wilayah", "kode_kemendagri", "kode_dagri", "kode_bps", "bps", "kode_desa", "kode_kel", "kode_kec", "kode_kab",
        "kode_kabupaten", "kode_prov", "kode_provinsi", "desa_kode", "kecamatan_kode", "kabupaten_kode", "kdepum", "kode_10", "id_desa",
    ];
    private static readonly string[] YearAliases = ["year", "tahun"];
    private static readonly string[] SourceAliases = ["source", "sumber"];
    private static readonly string[] NoteAliases = ["note", "catatan", "keterangan"];
    private static readonly string[] PeriodAliases = ["period", "periode"];
    private static readonly string[] ValueAliases = ["value", "nilai"];

    /// <summary>Runs one import in its own transaction (rolled back on a dry run or any failure).</summary>
    public Task<IndicatorImportReport> ImportAsync(IndicatorImportRequest request, CancellationToken cancellationToken = default) =>
        AuditedWrite.RunAsync(dataSource, request.DryRun, (connection, _) => ImportAsync(request, connection, cancellationToken),
            _ => null, cancellationToken);

    /// <summary>
    /// Runs one import in a transaction of its own and, unless it is a dry run, writes its audit entry (by
    /// <see cref="IndicatorImportRequest.Actor"/>) in that same transaction.
    /// </summary>
    public Task<IndicatorImportReport> ImportAuditedAsync(IndicatorImportRequest request, CancellationToken cancellationToken) =>
        AuditedWrite.RunAsync(dataSource, request.DryRun, (connection, _) => ImportAsync(request, connection, cancellationToken),
            report => new AuditRecord(request.Actor ?? "", "import", "indicator:" + string.Join(",", report.Indicators),
                new Dictionary<string, long> { ["read"] = report.RowsRead, ["inserted"] = report.Inserted, ["updated"] = report.Updated, ["rejected"] = report.Rejected },
                new Dictionary<string, string?> { ["file"] = request.SourceName, ["sha256"] = report.Sha256 }),
            cancellationToken);

    /// <summary>Runs one import inside the caller's open transaction; the caller commits or rolls back.</summary>
    public static async Task<IndicatorImportReport> ImportAsync(IndicatorImportRequest request, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!File.Exists(request.Path)) throw new ImportException($"No such file: {request.Path}");
        if (request.Indicators.Count == 0) throw new ImportException("Name the indicator(s) to import: --indicator CODE (or CODE=column).");
        foreach (var (code, _) in request.Indicators)
            if (!CodePattern().IsMatch(code))
                throw new ImportException($"'{code}' is not an indicator code: lower-case letters, digits and _ , starting with a letter (e.g. stunting_rate).");
        if (request.Indicators.Select(i => i.Code).Distinct().Count() != request.Indicators.Count)
            throw new ImportException("An indicator is named twice.");
        if (request.Create is { } draft)
        {
            if (request.Indicators.Count != 1) throw new ImportException("--create makes one indicator; import one indicator at a time when creating it.");
            if (!Indicator.Directions.Contains(draft.Direction))
                throw new ImportException($"--direction must be {string.Join(", ", Indicator.Directions)} (is a higher value better or worse?), not '{draft.Direction}'.");
            if (string.IsNullOrWhiteSpace(draft.NameId)) throw new ImportException("--create needs --name (the indicator's name in Bahasa Indonesia).");
            if (draft.Levels?.FirstOrDefault(l => !Indicator.AllLevels.Contains(l)) is { } badLevel)
                throw new ImportException($"--levels: '{badLevel}' is not one of {string.Join(", ", Indicator.AllLevels)}.");
        }
        var format = request.Format ?? RecordSources.DetectFormat(request.DisplayName);
        if (format is not (ImportFormat.Csv or ImportFormat.Xlsx))
            throw new ImportException($"An indicator table is a CSV or an Excel .xlsx file, not {format}.");
        var sha256 = await HashAsync(request.Path, cancellationToken);
        using var source = RecordSources.Open(new ImportRequest
        {
            Path = request.Path, SourceName = request.SourceName, Layer = request.Sheet, Delimiter = request.Delimiter,
        }, format);

        // Columns.
        var columns = source.Columns;
        string codeColumn = Column(columns, request.CodeColumn, CodeAliases, "--code-column", required: true)!;
        var codeSystem = request.CodeSystem ?? (codeColumn.Contains("bps", StringComparison.OrdinalIgnoreCase) ? CodeSystem.Bps : CodeSystem.Kemendagri);
        string? yearColumn = request.Year is null ? Column(columns, request.YearColumn, YearAliases, "--year-column", required: false) : null;
        if (request.Year is null && yearColumn is null)
            throw new ImportException($"{request.DisplayName} has no year column (year, tahun); give the year with --year.");
        string? sourceColumn = request.Source is null ? Column(columns, request.SourceColumn, SourceAliases, "--source-column", required: false) : null;
        string? noteColumn = Column(columns, request.NoteColumn, NoteAliases, "--note-column", required: false);
        string? periodColumn = Column(columns, request.PeriodColumn, PeriodAliases, "--period-column", required: false);
        var valueColumns = new List<(string Code, string Column)>();
        foreach (var (code, column) in request.Indicators)
        {
            var found = column is not null ? Find(columns, column)
                : Find(columns, code) ?? (request.Indicators.Count == 1 ? ValueAliases.Select(a => Find(columns, a)).FirstOrDefault(c => c is not null) : null);
            if (found is null)
                throw new ImportException(column is not null
                    ? $"{request.DisplayName} has no column '{column}' for {code}. Its columns: {string.Join(", ", columns)}."
                    : $"Which column holds {code}? Write --indicator {code}=COLUMN. The columns: {string.Join(", ", columns)}.");
            valueColumns.Add((code, found));
        }
        var mapping = new Dictionary<string, string>
        {
            ["kode"] = $"{codeColumn} ({(codeSystem == CodeSystem.Bps ? "BPS, through the crosswalk" : "Kemendagri")})",
            ["year"] = request.Year is { } y ? $"{y} (given)" : yearColumn!,
            ["source"] = request.Source is { } s ? $"'{s}' (given)" : sourceColumn ?? $"'{request.DisplayName}' (the file name)",
        };
        if (noteColumn is not null) mapping["note"] = noteColumn;
        if (periodColumn is not null) mapping["period"] = periodColumn;
        foreach (var (code, column) in valueColumns) mapping[code] = column;

        // The catalog entries, created when asked.
        var catalog = await LoadCatalogAsync(connection, valueColumns.Select(v => v.Code).ToArray(), cancellationToken);
        var missing = valueColumns.Where(v => !catalog.ContainsKey(v.Code)).Select(v => v.Code).ToList();
        if (missing.Count > 0 && request.Create is null)
            throw new ImportException(
                $"{string.Join(", ", missing)} is not in the indicator catalog (see /indicators). To add it, repeat with " +
                "--create --name \"…\" --name-en \"…\" --unit \"…\" --direction higher_better|higher_worse|neutral.");

        Dictionary<string, Dictionary<string, string>>? crosswalk = codeSystem == CodeSystem.Bps ? await LoadCrosswalkAsync(connection, cancellationToken) : null;

        // Read the rows into typed values.
        var rows = new List<StagedValue>();
        var rejections = new List<(int Ord, ImportRejection Rejection)>();
        int rowsRead = 0, empty = 0;
        foreach (var record in source.Read(cancellationToken))
        {
            rowsRead++;
            var a = record.Attributes;
            string? Text(string? column) => column is null ? null : a.GetValueOrDefault(column) switch
            {
                null => null,
                double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString(),
            } is { } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;

            var rawCode = Text(codeColumn);
            if (rawCode is null) { rejections.Add((rowsRead, new(record.Location, $"no code (column {codeColumn} is empty)"))); continue; }
            var (area, codeError) = ResolveCode(rawCode, codeSystem, crosswalk);
            if (area is null) { rejections.Add((rowsRead, new(record.Location, codeError!))); continue; }
            int year;
            if (request.Year is { } given) year = given;
            else
            {
                var yearText = Text(yearColumn);
                if (yearText is null || RowConverter.ParseNumber(a.GetValueOrDefault(yearColumn!), yearText) is not double yv || yv != Math.Floor(yv) || yv is < 1900 or > 2200)
                {
                    rejections.Add((rowsRead, new(record.Location, yearText is null ? $"no year (column {yearColumn} is empty)" : $"year: '{yearText}' is not a year")));
                    continue;
                }
                year = (int)yv;
            }
            var sourceText = request.Source ?? Text(sourceColumn) ?? (sourceColumn is null ? request.DisplayName : null);
            if (sourceText is null) { rejections.Add((rowsRead, new(record.Location, $"no source (column {sourceColumn} is empty)"))); continue; }
            string level = IndicatorStore.LevelName(area.Level);
            foreach (var (code, column) in valueColumns)
            {
                var text = Text(column);
                if (text is null) { empty++; continue; }
                rows.Add(new StagedValue(rowsRead, record.Location, code, level, area.Dotted, year, Text(periodColumn), text,
                    a.GetValueOrDefault(column), sourceText, Text(noteColumn)));
            }
        }

        // Create what is missing, at the levels asked for or those the file holds.
        var created = new List<string>();
        foreach (var code in missing)
        {
            var toCreate = request.Create!;
            var levels = toCreate.Levels is { Count: > 0 } l ? l
                : Indicator.AllLevels.Where(lv => rows.Any(r => r.Code == code && r.Level == lv)).ToList();
            if (levels.Count == 0) throw new ImportException($"{request.DisplayName} has no usable value of {code}, so its levels are unknown; give --levels.");
            await using var insert = new NpgsqlCommand(
                "INSERT INTO desagis.indicator (code, name_id, name_en, unit, levels, direction, min_value, max_value, description) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", connection);
            insert.Parameters.AddWithValue(code);
            insert.Parameters.AddWithValue(toCreate.NameId.Trim());
            insert.Parameters.AddWithValue((toCreate.NameEn ?? toCreate.NameId).Trim());
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)toCreate.Unit ?? DBNull.Value });
            insert.Parameters.AddWithValue(levels.ToArray());
            insert.Parameters.AddWithValue(toCreate.Direction);
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = (object?)toCreate.MinValue ?? DBNull.Value });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = (object?)toCreate.MaxValue ?? DBNull.Value });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)toCreate.Description ?? DBNull.Value });
            await insert.ExecuteNonQueryAsync(cancellationToken);
            created.Add(code);
        }
        if (created.Count > 0) catalog = await LoadCatalogAsync(connection, valueColumns.Select(v => v.Code).ToArray(), cancellationToken);

        // Check each value against its catalog entry; the last row for an (indicator, area, year) wins.
        var accepted = new Dictionary<(string, string, int), (int Index, StagedValue Value)>();
        var clean = new List<StagedValue>();
        foreach (var row in rows)
        {
            var entry = catalog[row.Code];
            if (CheckValue(entry, row) is { } problem)
            {
                rejections.Add((row.Ord, new(row.Location, $"{row.Code}: {problem}")));
                continue;
            }
            var key = (row.Code, row.Kode, row.Year);
            if (accepted.TryGetValue(key, out var earlier))
            {
                rejections.Add((earlier.Value.Ord, new(earlier.Value.Location,
                    $"{row.Code} of {row.Kode} for {row.Year} appears again at {row.Location}; the later row is kept")));
                clean[earlier.Index] = null!;
            }
            accepted[key] = (clean.Count, row);
            clean.Add(row);
        }
        clean.RemoveAll(r => r is null);

        await Exec(connection, "DROP TABLE IF EXISTS pg_temp.indicator_stage", cancellationToken);
        await Exec(connection,
            "CREATE TEMP TABLE indicator_stage (ord integer, loc text, indicator_code text, level text, area_kode text, year integer, " +
            "period text, value double precision, value_text text, source text, note text) ON COMMIT DROP", cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY pg_temp.indicator_stage (ord, loc, indicator_code, level, area_kode, year, period, value, value_text, source, note) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var r in clean)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(r.Ord, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(r.Location, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Code, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Level, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Kode, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.Year, NpgsqlDbType.Integer, cancellationToken);
                await WriteText(writer, r.Period, cancellationToken);
                if (r.Value is double v) await writer.WriteAsync(v, NpgsqlDbType.Double, cancellationToken);
                else await writer.WriteNullAsync(cancellationToken);
                await WriteText(writer, r.ValueText, cancellationToken);
                await writer.WriteAsync(r.Source, NpgsqlDbType.Text, cancellationToken);
                await WriteText(writer, r.Note, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }

        // A value is kept only for an area DesaGis knows.
        var unknown = new List<int>();
        await using (var check = new NpgsqlCommand(
            "SELECT s.ord, s.loc, s.area_kode, s.level FROM pg_temp.indicator_stage s WHERE NOT EXISTS " +
            "(SELECT 1 FROM desagis.indicator_area a WHERE a.level = s.level AND a.kode = s.area_kode) ORDER BY s.ord", connection))
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                if (unknown.Contains(reader.GetInt32(0))) continue;
                unknown.Add(reader.GetInt32(0));
                rejections.Add((reader.GetInt32(0), new(reader.GetString(1),
                    $"{reader.GetString(3)} {reader.GetString(2)} is not in DesaGis (import its boundary or code list first)")));
            }
        if (unknown.Count > 0)
        {
            await using var delete = new NpgsqlCommand("DELETE FROM pg_temp.indicator_stage WHERE ord = ANY($1)", connection);
            delete.Parameters.AddWithValue(unknown.ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        int staged = 0, inserted = 0, updated = 0;
        await using (var count = new NpgsqlCommand("SELECT count(*)::int FROM pg_temp.indicator_stage", connection))
            staged = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        await using (var upsert = new NpgsqlCommand(
            """
            INSERT INTO desagis.indicator_value AS t (indicator_code, level, area_kode, year, period, value, value_text, source, note)
            SELECT indicator_code, level, area_kode, year, period, value, value_text, source, note FROM pg_temp.indicator_stage ORDER BY ord
            ON CONFLICT (indicator_code, area_kode, year) DO UPDATE
               SET period = EXCLUDED.period, value = EXCLUDED.value, value_text = EXCLUDED.value_text, source = EXCLUDED.source,
                   note = EXCLUDED.note, updated_at = now()
             WHERE (t.period, t.value, t.value_text, t.source, t.note)
                   IS DISTINCT FROM (EXCLUDED.period, EXCLUDED.value, EXCLUDED.value_text, EXCLUDED.source, EXCLUDED.note)
            RETURNING xmax = 0
            """, connection))
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                if (reader.GetBoolean(0)) inserted++; else updated++;

        // The village summary (village_indicators) carries the former fixed figures; refresh the villages touched.
        await Exec(connection,
            "SELECT desagis.refresh_village_summary(ARRAY(SELECT DISTINCT area_kode FROM pg_temp.indicator_stage WHERE level = 'desa' " +
            "AND indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households', 'idm_score', 'idm_status'))) " +
            "WHERE EXISTS (SELECT 1 FROM pg_temp.indicator_stage WHERE level = 'desa')", cancellationToken);

        var ordered = rejections.OrderBy(r => r.Ord).Select(r => r.Rejection).ToList();
        long? runId = null;
        if (!request.DryRun)
        {
            await using var run = new NpgsqlCommand(
                "INSERT INTO desagis.import_run (target, source_name, source_sha256, finished_at, rows_read, inserted, updated, rejected, actor) " +
                "VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8) RETURNING id", connection);
            run.Parameters.AddWithValue("indicator:" + string.Join(",", valueColumns.Select(v => v.Code)));
            run.Parameters.AddWithValue(request.DisplayName);
            run.Parameters.AddWithValue(sha256);
            run.Parameters.AddWithValue(rowsRead);
            run.Parameters.AddWithValue(inserted);
            run.Parameters.AddWithValue(updated);
            run.Parameters.AddWithValue(ordered.Count);
            run.Parameters.AddWithValue((object?)request.Actor ?? Environment.UserName);
            runId = (long)(await run.ExecuteScalarAsync(cancellationToken))!;
        }
        return new IndicatorImportReport
        {
            SourceName = request.DisplayName,
            Sha256 = sha256,
            RunId = runId,
            DryRun = request.DryRun,
            Indicators = valueColumns.Select(v => v.Code).ToList(),
            Created = created,
            RowsRead = rowsRead,
            Inserted = inserted,
            Updated = updated,
            Unchanged = staged - inserted - updated,
            Empty = empty,
            Rejections = ordered,
            Mapping = mapping,
        };
    }

    private sealed record StagedValue(int Ord, string Location, string Code, string Level, string Kode, int Year, string? Period,
        string Text, object? Raw, string Source, string? Note)
    {
        public double? Value { get; set; }
        public string? ValueText { get; set; }
    }

    private static string? CheckValue(Indicator entry, StagedValue row)
    {
        if (!entry.Levels.Contains(row.Level))
            return $"{row.Kode} is a {row.Level} code, but {entry.Code} exists at {string.Join(", ", entry.Levels)}";
        if (entry.Kind == "category")
        {
            var choice = entry.Categories!.FirstOrDefault(c => c.Equals(row.Text, StringComparison.OrdinalIgnoreCase)
                || c.Equals(row.Text.Replace(' ', '_').Replace('-', '_'), StringComparison.OrdinalIgnoreCase));
            if (choice is null) return $"'{row.Text}' is not one of {string.Join(", ", entry.Categories!)}";
            row.ValueText = choice;
            return null;
        }
        if (RowConverter.ParseNumber(row.Raw, row.Text) is not double v) return $"'{row.Text}' is not a number";
        if (entry.MinValue is { } min && v < min) return $"{row.Text} is below {min.ToString(CultureInfo.InvariantCulture)}";
        if (entry.MaxValue is { } max && v > max) return $"{row.Text} is above {max.ToString(CultureInfo.InvariantCulture)}";
        if (entry.IntegerValues && v != Math.Floor(v)) return $"{row.Text} is not a whole number";
        row.Value = v;
        return null;
    }

    private static (KemendagriCode? Code, string? Error) ResolveCode(string text, CodeSystem system, Dictionary<string, Dictionary<string, string>>? crosswalk)
    {
        if (system == CodeSystem.Bps)
        {
            var digits = text.Replace(".", "", StringComparison.Ordinal);
            if (!digits.All(char.IsAsciiDigit)) return (null, $"'{text}' is not a BPS code (digits only)");
            var level = digits.Length switch { 2 => "provinsi", 4 => "kabupaten", 7 => "kecamatan", 10 => "desa", _ => null };
            if (level is null) return (null, $"BPS code '{text}' has {digits.Length} digits; BPS codes have 2, 4, 7 or 10");
            if (crosswalk!.GetValueOrDefault(level)?.GetValueOrDefault(digits) is not { } translated)
                return (null, $"BPS code '{text}' is not in the {level} code crosswalk (import the crosswalk first: --preset bps-crosswalk)");
            text = translated;
        }
        var code = KemendagriCode.TryParse(text);
        return code is null ? (null, $"'{text}' is not a Kemendagri code (like 63.04.01.2001, 6304012001 or 63.04)") : (code, null);
    }

    private static string? Column(IReadOnlyList<string> columns, string? given, string[] aliases, string option, bool required)
    {
        if (given is not null)
            return Find(columns, given) ?? throw new ImportException($"{option} '{given}': there is no such column. The columns: {string.Join(", ", columns)}.");
        var found = aliases.Select(a => Find(columns, a)).FirstOrDefault(c => c is not null);
        if (found is null && required)
            throw new ImportException($"Which column holds the area codes? Give {option}. The columns: {string.Join(", ", columns)}.");
        return found;
    }

    private static string? Find(IReadOnlyList<string> columns, string name) =>
        columns.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static async Task<Dictionary<string, Indicator>> LoadCatalogAsync(NpgsqlConnection connection, string[] codes, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(
            "SELECT code, name_id, name_en, levels, direction, kind, categories, min_value, max_value, integer_values FROM desagis.indicator WHERE code = ANY($1)",
            connection);
        cmd.Parameters.AddWithValue(codes);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            result[r.GetString(0)] = new Indicator
            {
                Code = r.GetString(0),
                NameId = r.GetString(1),
                NameEn = r.GetString(2),
                Levels = r.GetFieldValue<string[]>(3),
                Direction = r.GetString(4),
                Kind = r.GetString(5),
                Categories = r.IsDBNull(6) ? null : r.GetFieldValue<string[]>(6),
                MinValue = r.IsDBNull(7) ? null : r.GetDouble(7),
                MaxValue = r.IsDBNull(8) ? null : r.GetDouble(8),
                IntegerValues = r.GetBoolean(9),
            };
        return result;
    }

    private static async Task<Dictionary<string, Dictionary<string, string>>> LoadCrosswalkAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // The newest bridge year wins where BPS renumbered a region.
        var map = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(
            "SELECT DISTINCT ON (level, kode_bps) level, kode_bps, kode_kemendagri FROM desagis.code_crosswalk ORDER BY level, kode_bps, year DESC", connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!map.TryGetValue(reader.GetString(0), out var level)) map[reader.GetString(0)] = level = new(StringComparer.Ordinal);
            level[reader.GetString(1)] = reader.GetString(2);
        }
        if (map.Count == 0)
            throw new ImportException("The code crosswalk is empty, so BPS codes cannot be translated; import it first (desagis import <file> --preset bps-crosswalk).");
        return map;
    }

    private static async Task WriteText(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
    {
        if (value is null) await writer.WriteNullAsync(cancellationToken);
        else await writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
    }

    private static async Task Exec(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex CodePattern();
}
