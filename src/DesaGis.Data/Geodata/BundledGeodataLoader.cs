using System.Diagnostics;
using DesaGis.Data.Demo;
using DesaGis.Data.Import;
using Npgsql;

namespace DesaGis.Data.Geodata;

/// <summary>
/// Loads the bundled real dataset (and its examples) with the same <see cref="Importer"/> as any user file: one import
/// per file, all inside one transaction, each recorded in import_run. When the files are those of the last load, nothing is done, so a
/// second <c>make run</c> starts at once.
/// </summary>
public static class BundledGeodataLoader
{
    /// <summary>The import_run target that records a whole load (one row per load, beside the per-file rows).</summary>
    public const string ImportTarget = "geodata";

    // Arbitrary but fixed: serialises concurrent loads.
    private const long LockKey = 0x44657361_47697351;

    public static async Task<BundledGeodataLoad> LoadAsync(NpgsqlDataSource dataSource, string realDirectory, string? examplesDirectory,
        bool force = false, Action<string, ImportReport>? onImported = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var steps = BundledGeodata.Steps(realDirectory, examplesDirectory);
        string sha = DemoDirectoryHash.Compute(realDirectory) + (examplesDirectory is null ? "" : "+" + DemoDirectoryHash.Compute(examplesDirectory));

        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!force && await LastLoadedShaAsync(conn, null, cancellationToken) == sha)
            return new BundledGeodataLoad(true, [], [], clock.Elapsed);

        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await using (var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", conn, tx))
        {
            cmd.Parameters.AddWithValue(LockKey);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        if (!force && await LastLoadedShaAsync(conn, tx, cancellationToken) == sha)
            return new BundledGeodataLoad(true, [], [], clock.Elapsed);

        var reports = new List<(string, ImportReport)>();
        foreach (var step in steps)
        {
            var report = await Importer.ImportAsync(step.Request with { Actor = "desagis geodata load" }, conn, null, cancellationToken);
            reports.Add((step.Title, report));
            onImported?.Invoke(step.Title, report);
        }
        // A database from before the real places were the default has the synthetic province over Barito Kuala. Synthetic
        // villages are never drawn over real land, so it goes: it is example data, and a database of its own can hold it.
        List<(string What, int Rows)> removed = [];
        if (await ExampleData.SyntheticOverRealLandAsync(conn, tx, cancellationToken))
        {
            removed = await ExampleData.RemoveSyntheticAsync(conn, tx, cancellationToken);
            foreach (var sql in new[] { "SELECT desagis.refresh_program_footprint(NULL)", "SELECT desagis.refresh_village_summary(NULL)" })
            {
                await using var refresh = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 900 };
                await refresh.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var run = new NpgsqlCommand(
            "INSERT INTO desagis.import_run (target, source_name, source_sha256, finished_at, rows_read, inserted, updated, repaired, rejected, actor) " +
            "VALUES ($1, $2, $3, now(), $4, $5, $6, $7, $8, 'desagis geodata load')", conn, tx))
        {
            run.Parameters.AddWithValue(ImportTarget);
            run.Parameters.AddWithValue(examplesDirectory is null ? RealOnlyName : WithExamplesName);
            run.Parameters.AddWithValue(sha);
            run.Parameters.AddWithValue(reports.Sum(r => r.Item2.RowsRead));
            run.Parameters.AddWithValue(reports.Sum(r => r.Item2.Inserted));
            run.Parameters.AddWithValue(reports.Sum(r => r.Item2.Updated));
            run.Parameters.AddWithValue(reports.Sum(r => r.Item2.Repaired));
            run.Parameters.AddWithValue(reports.Sum(r => r.Item2.Rejected));
            await run.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return new BundledGeodataLoad(false, reports, removed, clock.Elapsed);
    }

    /// <summary>
    /// False when the examples were unloaded (<c>desagis demo unload</c>) or left out by the last load, so that a later
    /// <c>make run</c> does not bring them back; true on a database that never had a load.
    /// </summary>
    public static async Task<bool> ExamplesWantedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT source_name FROM desagis.import_run WHERE target = $1 AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1");
        cmd.Parameters.AddWithValue(ImportTarget);
        return await cmd.ExecuteScalarAsync(cancellationToken) is not (UnloadedName or RealOnlyName);
    }

    /// <summary>The import_run source names of a load without examples and of an unload.</summary>
    public const string RealOnlyName = "real", WithExamplesName = "real+contoh", UnloadedName = "unload";

    /// <summary>The hash of the files of the most recent load, or null when none was loaded (or they were unloaded).</summary>
    public static async Task<string?> LastLoadedShaAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT source_sha256 FROM desagis.import_run WHERE target = $1 AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1", conn, tx);
        cmd.Parameters.AddWithValue(ImportTarget);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }
}
