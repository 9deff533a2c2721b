using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Data.Demo;

/// <summary>
/// Loads a demo dataset directory into PostGIS: one transaction, binary COPY into temporary staging tables, then
/// upserts, the summary refreshes, and an import_run recording the directory's SHA-256. When the last demo load had
/// the same SHA-256 the load is skipped, so a second start-up reloads nothing. A failure rolls everything back.
/// </summary>
public static class DemoLoader
{
    /// <summary>The import_run target of demo loads.</summary>
    public const string ImportTarget = "demo";

    // Arbitrary but fixed: serialises concurrent demo loads.
    private const long LockKey = 0x44657361_47697350;

    // A national-scale load runs single statements for many seconds on a busy machine; Npgsql's default is 30 s.
    private const int CommandTimeoutSeconds = 900;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static async Task<DemoLoadResult> LoadAsync(NpgsqlDataSource dataSource, string directory, bool force = false,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (!Directory.Exists(directory))
            throw new DemoLoadException($"'{directory}' is not a directory; create it with 'desagis demo generate --out {directory}'.");
        var missing = DemoFiles.Data.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();
        if (missing.Count > 0)
            throw new DemoLoadException($"'{directory}' lacks {string.Join(", ", missing)}; regenerate it with 'desagis demo generate --out {directory}'.");
        string sha = DemoDirectoryHash.Compute(directory);
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));

        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!force && await LastLoadedShaAsync(conn, null, cancellationToken) == sha)
            return new DemoLoadResult(name, sha, true, 0, 0, 0, 0, clock.Elapsed);

        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await ExecAsync(conn, tx, "SELECT pg_advisory_xact_lock($1)", [LockKey], cancellationToken);
        // Another load may have finished while this one waited for the lock.
        if (!force && await LastLoadedShaAsync(conn, tx, cancellationToken) == sha)
            return new DemoLoadResult(name, sha, true, 0, 0, 0, 0, clock.Elapsed);

        int read = 0;
        foreach (var table in DemoStagingTable.All)
        {
            await ExecAsync(conn, tx, table.CreateSql, [], cancellationToken);
            read += table.IsGeoJson
                ? await CopyGeoJsonAsync(conn, table, Path.Combine(directory, table.File), cancellationToken)
                : await CopyCsvAsync(conn, table, Path.Combine(directory, table.File), cancellationToken);
            await ExecAsync(conn, tx, $"ANALYZE {table.Table}", [], cancellationToken);
        }

        await ExecAsync(conn, tx, DemoLoadSql.DeriveStaging, [], cancellationToken);
        foreach (var (problem, sql) in DemoLoadSql.Checks)
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*), min(x) FROM ({sql}) q(x)", conn, tx) { CommandTimeout = CommandTimeoutSeconds };
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            long bad = reader.GetInt64(0);
            if (bad > 0) throw new DemoLoadException($"{problem}: {bad} row(s), e.g. '{reader.GetString(1)}'.");
        }

        int deleted = 0, inserted = 0, updated = 0;
        foreach (var sql in DemoLoadSql.Deletes)
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = CommandTimeoutSeconds };
            deleted += await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var sql in DemoLoadSql.Upserts)
        {
            await using var cmd = new NpgsqlCommand($"WITH w(ins) AS ({sql}) SELECT count(*) FILTER (WHERE ins), count(*) FILTER (WHERE NOT ins) FROM w", conn, tx)
            {
                CommandTimeout = CommandTimeoutSeconds,
            };
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            inserted += (int)reader.GetInt64(0);
            updated += (int)reader.GetInt64(1);
        }
        // Programme footprints and the per-village summary are derived data: refresh them in the same transaction.
        await ExecAsync(conn, tx, "SELECT desagis.refresh_program_footprint(NULL)", [], cancellationToken);
        await ExecAsync(conn, tx, "SELECT desagis.refresh_village_summary(NULL)", [], cancellationToken);
        await ExecAsync(conn, tx,
            """
            INSERT INTO desagis.import_run (target, source_name, source_sha256, finished_at, rows_read, inserted, updated, actor)
            VALUES ($1, $2, $3, clock_timestamp(), $4, $5, $6, 'desagis demo load')
            """, [ImportTarget, name, sha, read, inserted, updated], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new DemoLoadResult(name, sha, false, read, inserted, updated, deleted, clock.Elapsed);
    }

    /// <summary>The SHA-256 of the most recent demo load, or null when none was recorded.</summary>
    public static async Task<string?> LastLoadedShaAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT source_sha256 FROM desagis.import_run WHERE target = $1 AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1", conn, tx);
        cmd.Parameters.AddWithValue(ImportTarget);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task<int> CopyCsvAsync(NpgsqlConnection conn, DemoStagingTable table, string path, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(path);
        var csv = new CsvRecordReader(text);
        List<string>? record;
        try
        {
            record = csv.Read();
        }
        catch (DemoLoadException e)
        {
            throw new DemoLoadException($"{table.File} {e.Message}");
        }
        var header = record ?? throw new DemoLoadException($"{table.File}: the file is empty; it needs a header line.");
        var indices = table.Columns.Select(c => header.IndexOf(c.Name)).ToArray();
        for (int i = 0; i < indices.Length; i++)
            if (indices[i] < 0) throw new DemoLoadException($"{table.File}: column '{table.Columns[i].Name}' is missing from the header.");

        await using var writer = await conn.BeginBinaryImportAsync(table.CopySql, cancellationToken);
        writer.Timeout = TimeSpan.FromSeconds(CommandTimeoutSeconds);
        int rows = 0;
        while (true)
        {
            try
            {
                record = csv.Read();
            }
            catch (DemoLoadException e)
            {
                throw new DemoLoadException($"{table.File} {e.Message}");
            }
            if (record is null) break;
            rows++;
            string Where() => $"{table.File} line {csv.LineNumber}";
            if (record.Count != header.Count)
                throw new DemoLoadException($"{Where()}: {record.Count} fields where the header has {header.Count}.");
            await writer.StartRowAsync(cancellationToken);
            for (int i = 0; i < indices.Length; i++)
                await WriteValueAsync(writer, table.Columns[i], record[indices[i]], Where, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
        return rows;
    }

    private static async Task<int> CopyGeoJsonAsync(NpgsqlConnection conn, DemoStagingTable table, string path, CancellationToken cancellationToken)
    {
        JsonDocument doc;
        await using (var stream = File.OpenRead(path))
        {
            try
            {
                doc = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                throw new DemoLoadException($"{table.File}: not valid JSON ({e.Message}).", e);
            }
        }
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                throw new DemoLoadException($"{table.File}: not a GeoJSON FeatureCollection (no 'features' array).");
            await using var writer = await conn.BeginBinaryImportAsync(table.CopySql, cancellationToken);
            writer.Timeout = TimeSpan.FromSeconds(CommandTimeoutSeconds);
            int rows = 0;
            foreach (var feature in features.EnumerateArray())
            {
                rows++;
                int number = rows;
                string Where() => $"{table.File} feature {number}";
                await writer.StartRowAsync(cancellationToken);
                var props = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                foreach (var column in table.Columns)
                {
                    string? raw = null;
                    if (props.ValueKind == JsonValueKind.Object && props.TryGetProperty(column.Name, out var value))
                        raw = value.ValueKind switch
                        {
                            JsonValueKind.String => value.GetString(),
                            JsonValueKind.Number => value.GetRawText(),
                            JsonValueKind.Null => null,
                            _ => throw new DemoLoadException($"{Where()}: property '{column.Name}' must be a string or a number."),
                        };
                    await WriteValueAsync(writer, column, raw, Where, cancellationToken);
                }
                if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
                    throw new DemoLoadException($"{Where()}: the feature has no geometry.");
                await writer.WriteAsync(ReadPolygonal(geometry, Where), NpgsqlDbType.Geometry, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
            return rows;
        }
    }

    private static async Task WriteValueAsync(NpgsqlBinaryImporter writer, (string Name, NpgsqlDbType Type) column, string? raw,
        Func<string> where, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(raw))
        {
            await writer.WriteNullAsync(cancellationToken);
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        try
        {
            switch (column.Type)
            {
                case NpgsqlDbType.Text: await writer.WriteAsync(raw, NpgsqlDbType.Text, cancellationToken); break;
                case NpgsqlDbType.Integer: await writer.WriteAsync(int.Parse(raw, NumberStyles.Integer, inv), NpgsqlDbType.Integer, cancellationToken); break;
                case NpgsqlDbType.Bigint: await writer.WriteAsync(long.Parse(raw, NumberStyles.Integer, inv), NpgsqlDbType.Bigint, cancellationToken); break;
                case NpgsqlDbType.Double: await writer.WriteAsync(double.Parse(raw, NumberStyles.Float, inv), NpgsqlDbType.Double, cancellationToken); break;
                case NpgsqlDbType.Date: await writer.WriteAsync(DateOnly.ParseExact(raw, "yyyy-MM-dd", inv), NpgsqlDbType.Date, cancellationToken); break;
                default: throw new ArgumentOutOfRangeException(nameof(column), column.Type, "not a staging column type");
            }
        }
        catch (FormatException)
        {
            string expected = column.Type switch
            {
                NpgsqlDbType.Date => "date (yyyy-mm-dd)",
                NpgsqlDbType.Double => "number",
                _ => "whole number",
            };
            throw new DemoLoadException($"{where()}: '{column.Name}' has the value '{raw}', which is not a {expected}.");
        }
        catch (OverflowException)
        {
            throw new DemoLoadException($"{where()}: '{column.Name}' has the value '{raw}', which is out of range.");
        }
    }

    /// <summary>Reads a GeoJSON Polygon or MultiPolygon.</summary>
    private static MultiPolygon ReadPolygonal(JsonElement geometry, Func<string> where)
    {
        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (!geometry.TryGetProperty("coordinates", out var coords) || coords.ValueKind != JsonValueKind.Array)
            throw new DemoLoadException($"{where()}: the geometry has no coordinates.");
        try
        {
            return type switch
            {
                "Polygon" => Factory.CreateMultiPolygon([ReadPolygon(coords)]),
                "MultiPolygon" => Factory.CreateMultiPolygon(coords.EnumerateArray().Select(ReadPolygon).ToArray()),
                _ => throw new DemoLoadException($"{where()}: geometry type '{type}' is not a Polygon or MultiPolygon."),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            throw new DemoLoadException($"{where()}: malformed coordinates ({e.Message}).", e);
        }
    }

    private static Polygon ReadPolygon(JsonElement rings)
    {
        var all = rings.EnumerateArray().Select(ring => Factory.CreateLinearRing(
            ring.EnumerateArray().Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble())).ToArray())).ToArray();
        if (all.Length == 0) throw new ArgumentException("a polygon without rings");
        return Factory.CreatePolygon(all[0], all[1..]);
    }

    private static async Task ExecAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = CommandTimeoutSeconds };
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
