using System.Security.Cryptography;
using DesaGis.Data.Security;
using Npgsql;
using NpgsqlTypes;
using DesaGis.Data.Import.Crs;
using DesaGis.Data.Import.Geometries;
using DesaGis.Data.Import.Sources;
using DesaGis.Data.Import.Targets;
using DesaGis.Core.Codes;
using DesaGis.Data.Outlines;

namespace DesaGis.Data.Import;

/// <summary>
/// Imports one file into one DesaGis table. The whole import is one transaction: rows are streamed into a temporary
/// staging table with binary COPY, checked, then upserted into the target by key, the village summary and programme
/// footprints are refreshed and the run is recorded in desagis.import_run — all committed together, so a failure,
/// a cancellation or a killed process leaves the database exactly as it was.
/// </summary>
public sealed class Importer(NpgsqlDataSource dataSource)
{
    private const int ProgressEvery = 25;

    /// <summary>Runs one import in a transaction of its own, committed at the end (rolled back on a dry run or any failure).</summary>
    public Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        AuditedWrite.RunAsync(dataSource, request.DryRun, (connection, _) => ImportAsync(request, connection, progress, cancellationToken),
            _ => null, cancellationToken);

    /// <summary>
    /// Runs one import in a transaction of its own and, unless it is a dry run, writes its audit entry (by
    /// <see cref="ImportRequest.Actor"/>) in that same transaction, so the rows and their record commit together.
    /// </summary>
    public Task<ImportReport> ImportAuditedAsync(ImportRequest request, CancellationToken cancellationToken) =>
        AuditedWrite.RunAsync(dataSource, request.DryRun, (connection, _) => ImportAsync(request, connection, null, cancellationToken),
            report => new AuditRecord(request.Actor ?? "", "import", report.Target.ToString(),
                new Dictionary<string, long>
                {
                    ["read"] = report.RowsRead, ["inserted"] = report.Inserted, ["updated"] = report.Updated,
                    ["repaired"] = report.Repaired, ["rejected"] = report.Rejected,
                },
                new Dictionary<string, string?> { ["file"] = request.SourceName, ["sha256"] = report.Sha256 }),
            cancellationToken);

    /// <summary>
    /// Runs one import inside the caller's open transaction on <paramref name="connection"/>; the caller commits or
    /// rolls back (e.g. several dry runs that depend on each other, rolled back together).
    /// </summary>
    public static async Task<ImportReport> ImportAsync(ImportRequest request, NpgsqlConnection connection, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(request.Path)) throw new ImportException($"No such file: {request.Path}");
        var preset = request.Preset is null ? null
            : ImportPresets.Find(request.Preset) ?? throw new ImportException(
                $"Unknown preset '{request.Preset}'; the presets are {string.Join(", ", ImportPresets.All.Select(p => p.Name))}.");
        var targetKind = request.Target ?? preset?.Target
            ?? throw new ImportException($"Say which table to import into (--target {string.Join("|", TargetCatalog.All.Select(t => t.Name))}) or use a --preset.");
        var target = TargetCatalog.Get(targetKind);
        var format = request.Format ?? RecordSources.DetectFormat(request.DisplayName);
        var codeSystem = request.CodeSystem ?? preset?.CodeSystem ?? CodeSystem.Kemendagri;
        if (codeSystem == CodeSystem.Bps && target.CrosswalkField is null)
            throw new ImportException($"BPS codes are translated only for indicator tables, not for {target.Name}.");
        var sha256 = await HashAsync(request.Path, cancellationToken);

        using var source = RecordSources.Open(request, format);
        if (source.Count == 0) throw new ImportException($"{request.DisplayName} has no features; there is nothing to import.");
        var mapping = FieldMapping.Resolve(target, source.Columns, request, preset, request.DisplayName);
        bool writeGeometry = target.HasGeometry && source.HasGeometry;
        var crs = request.SourceCrs is { } given
            ? CrsDefinition.TryParse(given) ?? throw new ImportException($"--srs '{given}' is not understood; write it like EPSG:32750.")
            : source.DeclaredCrs ?? CrsDefinition.Wgs84;

        var provided = new HashSet<string>(target.Fields.Where(f => mapping.Provides(f.Name)).Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
        var sql = new TargetSql(target, provided, writeGeometry);
        var rejections = new List<(int Ord, ImportRejection Rejection)>();
        int rowsRead = 0, skipped = 0, repaired = 0;

        var toWgs84 = writeGeometry ? await CrsTransforms.ToWgs84Async(crs, connection, cancellationToken) : null;
        var crosswalk = codeSystem == CodeSystem.Bps ? await LoadCrosswalkAsync(connection, target.CrosswalkLevel!, cancellationToken) : null;
        var converter = new RowConverter(target, mapping, codeSystem, crosswalk);
        var preparer = new GeometryPreparer(toWgs84);

        await ExecAsync(connection, $"DROP TABLE IF EXISTS {TargetSql.Stage}", cancellationToken);
        await ExecAsync(connection, sql.CreateStage, cancellationToken);
        var firstByKey = new Dictionary<string, (int Ord, string Location)>(StringComparer.Ordinal);
        var superseded = new List<int>();
        var columns = sql.StageColumns;
        progress?.Report(new ImportProgress(ImportStage.Reading, 0, source.Count));
        await using (var writer = await connection.BeginBinaryImportAsync(sql.Copy, cancellationToken))
        {
            foreach (var record in source.Read(cancellationToken))
            {
                rowsRead++;
                if (rowsRead % ProgressEvery == 0) progress?.Report(new ImportProgress(ImportStage.Reading, rowsRead, source.Count));
                var outcome = converter.Convert(record.Attributes);
                if (outcome.Skipped) { skipped++; continue; }
                if (outcome.RejectReason is { } reason) { rejections.Add((rowsRead, new(record.Location, reason))); continue; }

                NetTopologySuite.Geometries.MultiPolygon? geometry = null;
                if (writeGeometry)
                {
                    if (record.GeometryError is { } geometryError) { rejections.Add((rowsRead, new(record.Location, geometryError))); continue; }
                    var prepared = preparer.Prepare(record.Geometry);
                    if (prepared.RejectReason is { } why) { rejections.Add((rowsRead, new(record.Location, why))); continue; }
                    if (prepared.Repaired is not null) repaired++;
                    geometry = prepared.Geometry;
                }

                if (firstByKey.TryGetValue(outcome.Key!, out var earlier))
                {
                    // The last row for a key wins, as when the file is imported again later.
                    superseded.Add(earlier.Ord);
                    rejections.Add((earlier.Ord, new(earlier.Location, $"{DescribeKey(target, outcome.Key!)} appears again at {record.Location}; the later row is kept")));
                }
                firstByKey[outcome.Key!] = (rowsRead, record.Location);

                await writer.StartRowAsync(cancellationToken);
                foreach (var (name, sqlType) in columns)
                {
                    object? value = name switch
                    {
                        "ord" => rowsRead,
                        "loc" => record.Location,
                        "geom" => geometry,
                        _ => outcome.Values!.GetValueOrDefault(name),
                    };
                    if (value is null) await writer.WriteNullAsync(cancellationToken);
                    else await writer.WriteAsync(value, DbType(sqlType), cancellationToken);
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }
        progress?.Report(new ImportProgress(ImportStage.Writing, rowsRead, source.Count));

        if (superseded.Count > 0)
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {TargetSql.Stage} WHERE ord = ANY($1)", connection);
            delete.Parameters.AddWithValue(superseded.ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        if (sql.Validation is { } validation)
        {
            var refused = new List<int>();
            await using (var check = new NpgsqlCommand(validation, connection))
            await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                {
                    refused.Add(reader.GetInt32(0));
                    rejections.Add((reader.GetInt32(0), new(reader.GetString(1), reader.GetString(2))));
                }
            if (refused.Count > 0)
            {
                await using var delete = new NpgsqlCommand($"DELETE FROM {TargetSql.Stage} WHERE ord = ANY($1)", connection);
                delete.Parameters.AddWithValue(refused.ToArray());
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        int staged = await ScalarAsync<int>(connection, $"SELECT count(*)::int FROM {TargetSql.Stage}", cancellationToken);
        var before = sql.AffectedVillagesBefore is { } b ? await ListAsync(connection, b, cancellationToken) : [];

        int inserted = 0, updated = 0;
        await using (var upsert = new NpgsqlCommand(sql.Upsert, connection))
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                if (reader.GetBoolean(0)) inserted++; else updated++;
        foreach (var statement in sql.AfterUpsert()) await ExecAsync(connection, statement, cancellationToken);

        progress?.Report(new ImportProgress(ImportStage.Refreshing, rowsRead, source.Count));
        if (sql.ProgramIds is { } programIds)
        {
            await using var refresh = new NpgsqlCommand($"SELECT desagis.refresh_program_footprint(ARRAY({programIds}))", connection);
            await refresh.ExecuteNonQueryAsync(cancellationToken);
        }
        if (sql.AffectedVillagesAfter is { } after)
        {
            var codes = before.Union(await ListAsync(connection, after, cancellationToken)).ToArray();
            if (codes.Length > 0)
            {
                await using var refresh = new NpgsqlCommand("SELECT desagis.refresh_village_summary($1)", connection);
                refresh.Parameters.AddWithValue(codes);
                await refresh.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // Imported outlines can be far coarser than the villages in them, or missing: say so, and rebuild them when asked.
        OutlineReport? outlines = null;
        if (writeGeometry && request.Outlines != ImportOutlines.None &&
            target.Level is AdminLevel.Desa or AdminLevel.Kecamatan or AdminLevel.Kabupaten)
        {
            var kabupaten = await ListAsync(connection, $"SELECT DISTINCT left(kode, 5) FROM {TargetSql.Stage}", cancellationToken);
            outlines = request.Outlines == ImportOutlines.Build
                ? await OutlineBuilder.BuildAsync(connection, kabupaten, cancellationToken)
                : await OutlineBuilder.CheckAsync(connection, kabupaten, cancellationToken);
        }

        var ordered = rejections.OrderBy(r => r.Ord).Select(r => r.Rejection).ToList();
        long? runId = null;
        if (!request.DryRun)
        {
            await using var run = new NpgsqlCommand(
                "INSERT INTO desagis.import_run (target, source_name, source_sha256, finished_at, rows_read, inserted, updated, repaired, rejected, actor) " +
                "VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8, $9) RETURNING id", connection);
            run.Parameters.AddWithValue(target.Name);
            run.Parameters.AddWithValue(request.DisplayName);
            run.Parameters.AddWithValue(sha256);
            run.Parameters.AddWithValue(rowsRead);
            run.Parameters.AddWithValue(inserted);
            run.Parameters.AddWithValue(updated);
            run.Parameters.AddWithValue(repaired);
            run.Parameters.AddWithValue(ordered.Count);
            run.Parameters.AddWithValue((object?)request.Actor ?? Environment.UserName);
            runId = (long)(await run.ExecuteScalarAsync(cancellationToken))!;
        }
        progress?.Report(new ImportProgress(ImportStage.Done, rowsRead, source.Count));

        return new ImportReport
        {
            Target = target.Target,
            SourceName = request.DisplayName,
            Sha256 = sha256,
            SourceCrs = writeGeometry ? crs.Label : "none",
            RunId = runId,
            DryRun = request.DryRun,
            RowsRead = rowsRead,
            Inserted = inserted,
            Updated = updated,
            Unchanged = staged - inserted - updated,
            Skipped = skipped,
            Repaired = repaired,
            Rejections = ordered,
            Mapping = mapping.Describe(),
            Outlines = outlines,
        };
    }

    private static string DescribeKey(TargetDefinition target, string key) =>
        string.Join(", ", target.Keys.Zip(key.Split('|')).Select(p => $"{p.First.Name} {p.Second}"));

    private static NpgsqlDbType DbType(string sqlType) => sqlType switch
    {
        "text" => NpgsqlDbType.Text,
        "integer" => NpgsqlDbType.Integer,
        "bigint" => NpgsqlDbType.Bigint,
        "double precision" => NpgsqlDbType.Double,
        "date" => NpgsqlDbType.Date,
        "text[]" => NpgsqlDbType.Array | NpgsqlDbType.Text,
        _ when sqlType.StartsWith("geometry", StringComparison.Ordinal) => NpgsqlDbType.Geometry,
        _ => throw new InvalidOperationException($"No COPY type for {sqlType}."),
    };

    private static async Task<Dictionary<string, string>> LoadCrosswalkAsync(NpgsqlConnection connection, string level, CancellationToken cancellationToken)
    {
        // The newest bridge year wins where BPS renumbered a region.
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(
            "SELECT DISTINCT ON (kode_bps) kode_bps, kode_kemendagri FROM desagis.code_crosswalk WHERE level = $1 ORDER BY kode_bps, year DESC", connection);
        cmd.Parameters.AddWithValue(level);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) map[reader.GetString(0)] = reader.GetString(1);
        if (map.Count == 0)
            throw new ImportException($"The code crosswalk has no {level} rows, so BPS codes cannot be translated; import it first (desagis import <file> --preset bps-crosswalk).");
        return map;
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var list = new List<string>();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) list.Add(reader.GetString(0));
        return list;
    }
}
