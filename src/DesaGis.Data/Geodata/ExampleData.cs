using DesaGis.Data.Demo;
using Npgsql;

namespace DesaGis.Data.Geodata;

/// <summary>
/// Removes example data: the "contoh" partners and programmes (codes <c>CONTOH-…</c>) and the synthetic demo provinces
/// (codes 98 or 99, which no real province uses, named "… (sintetis)") with everything under them. Real data is left
/// alone. One transaction. The next <c>demo load</c> loads the synthetic data again when asked; <c>geodata load</c>
/// (and so <c>make run</c>) leaves the examples out from then on unless told <c>--examples</c>.
/// </summary>
public static class ExampleData
{
    /// <summary>The synthetic provinces: the generator uses 99; real province codes end at 97.</summary>
    private const string SyntheticProvinces = "SELECT kode FROM desagis.provinsi WHERE kode IN ('98', '99') AND nama ILIKE '%sintetis%'";

    private static readonly (string What, string Sql)[] ExampleDeletes =
    [
        ("example programmes", $"DELETE FROM desagis.program WHERE kode LIKE '{BundledGeodata.ExampleCodePrefix}%'"),
        ("example partners", $"DELETE FROM desagis.partner p WHERE p.kode LIKE '{BundledGeodata.ExampleCodePrefix}%' AND NOT EXISTS (SELECT 1 FROM desagis.program g WHERE g.partner_id = p.id)"),
    ];

    private static readonly (string What, string Sql)[] SyntheticDeletes =
    [
        ("synthetic programmes", $"DELETE FROM desagis.program WHERE kode LIKE ANY (SELECT 'PRG-' || kode || '-%' FROM ({SyntheticProvinces}) p)"),
        ("synthetic partners", "DELETE FROM desagis.partner p WHERE p.nama LIKE '%(sintetis)' AND NOT EXISTS (SELECT 1 FROM desagis.program g WHERE g.partner_id = p.id)"),
        ("synthetic households", $"DELETE FROM desagis.extreme_poor_household WHERE left(desa_kode, 2) IN ({SyntheticProvinces})"),
        ("synthetic transmigration areas", $"DELETE FROM desagis.transmigration_area WHERE kode LIKE ANY (SELECT 'KT-' || kode || '-%' FROM ({SyntheticProvinces}) p)"),
        ("synthetic village figures", $"DELETE FROM desagis.village_indicator WHERE left(desa_kode, 2) IN ({SyntheticProvinces})"),
        ("synthetic kabupaten figures", $"DELETE FROM desagis.kabupaten_indicator WHERE left(kabupaten_kode, 2) IN ({SyntheticProvinces})"),
        ("synthetic villages", $"DELETE FROM desagis.desa WHERE provinsi_kode IN ({SyntheticProvinces})"),
        ("synthetic kecamatan", $"DELETE FROM desagis.kecamatan WHERE provinsi_kode IN ({SyntheticProvinces})"),
        ("synthetic kabupaten", $"DELETE FROM desagis.kabupaten WHERE provinsi_kode IN ({SyntheticProvinces})"),
        ("synthetic provinces", $"DELETE FROM desagis.provinsi WHERE kode IN ({SyntheticProvinces})"),
    ];

    /// <summary>True when synthetic villages lie over villages of a real province (an older database that had the demo loaded).</summary>
    internal static async Task<bool> SyntheticOverRealLandAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM desagis.desa s JOIN desagis.desa d ON d.geom && s.geom AND d.provinsi_kode NOT IN ({SyntheticProvinces}) " +
            $"WHERE s.provinsi_kode IN ({SyntheticProvinces}) AND ST_Relate(d.geom, s.geom, 'T********'))", conn, tx) { CommandTimeout = 900 };
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Deletes the synthetic provinces and everything under them inside the caller's transaction (summaries not refreshed).</summary>
    internal static Task<List<(string What, int Rows)>> RemoveSyntheticAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken cancellationToken) =>
        RunAsync(SyntheticDeletes, conn, tx, cancellationToken);

    private static async Task<List<(string What, int Rows)>> RunAsync((string What, string Sql)[] deletes, NpgsqlConnection conn, NpgsqlTransaction tx,
        CancellationToken cancellationToken)
    {
        var removed = new List<(string, int)>();
        foreach (var (what, sql) in deletes)
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 900 };
            int rows = await cmd.ExecuteNonQueryAsync(cancellationToken);
            if (rows > 0) removed.Add((what, rows));
        }
        return removed;
    }

    /// <summary>Deletes the example data; returns the rows removed per kind (kinds with none are left out).</summary>
    public static async Task<IReadOnlyList<(string What, int Rows)>> UnloadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        var removed = await RunAsync(ExampleDeletes, conn, tx, cancellationToken);
        removed.AddRange(await RunAsync(SyntheticDeletes, conn, tx, cancellationToken));
        await using (var footprints = new NpgsqlCommand("SELECT desagis.refresh_program_footprint(NULL)", conn, tx) { CommandTimeout = 900 })
            await footprints.ExecuteNonQueryAsync(cancellationToken);
        await using (var refresh = new NpgsqlCommand("SELECT desagis.refresh_village_summary(NULL)", conn, tx) { CommandTimeout = 900 })
            await refresh.ExecuteNonQueryAsync(cancellationToken);
        // A load whose hash matches the last recorded one is skipped: record that the examples are gone.
        await using (var mark = new NpgsqlCommand(
            "INSERT INTO desagis.import_run (target, source_name, source_sha256, finished_at, actor) VALUES ($1, 'unload', NULL, now(), 'desagis demo unload'), ($2, 'unload', NULL, now(), 'desagis demo unload')",
            conn, tx))
        {
            mark.Parameters.AddWithValue(DemoLoader.ImportTarget);
            mark.Parameters.AddWithValue(BundledGeodataLoader.ImportTarget);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return removed;
    }
}
