using DesaGis.Data;
using DesaGis.Data.Import;
using DesaGis.Testing;
using Npgsql;

namespace DesaGis.Integration.Tests.Import;

/// <summary>
/// One import is one transaction: a failure half way, a cancellation or a lost connection leaves every table exactly
/// as it was; a newer file updates rows in place.
/// </summary>
public class TransactionTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    private const string Kecamatan = "63.05.01";
    private readonly ImportFiles _files = new();

    /// <summary>Counts and a checksum over every column of the tables an import touches.</summary>
    private const string StateSql =
        "SELECT (SELECT count(*) FROM desagis.desa) || ':' || " +
        "(SELECT md5(COALESCE(string_agg(kode || nama || jenis || COALESCE(area_km2::text, '') || COALESCE(ST_AsEWKB(geom)::text, '') || updated_at::text, ',' ORDER BY kode), '')) FROM desagis.desa) || ':' || " +
        "(SELECT count(*) FROM desagis.village_summary) || ':' || (SELECT count(*) FROM desagis.import_run)";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _files.Dispose();
        return Task.CompletedTask;
    }

    private string VillageFile(string name, int count, int offset = 0, Func<int, string>? nameOf = null) =>
        _files.GeoJson(name, Enumerable.Range(1, count).Select(i => ImportFiles.Feature(
            new Dictionary<string, object?> { ["kode"] = $"{Kecamatan}.{2000 + offset + i}", ["nama"] = nameOf?.Invoke(i) ?? $"Desa {offset + i}" },
            ImportFiles.PolygonJson(ImportFiles.Square(114.0 + (offset + i) * 0.01, -3.2, 0.009)))));

    private async Task<string> StateAsync() => await db.ScalarAsync<string>(StateSql);

    private async Task ArrangeBaselineAsync()
    {
        await db.ExecuteAsync("DELETE FROM desagis.desa WHERE kode LIKE '63.05.01.%'");
        await db.ExecuteAsync("SELECT desagis.refresh_village_summary(NULL)");
        await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = VillageFile("baseline.geojson", 50), Target = ImportTarget.Desa });
    }

    [Fact]
    public async Task A_failure_half_way_leaves_the_tables_unchanged()
    {
        await ArrangeBaselineAsync();
        var before = await StateAsync();
        // A newer file that renames all 50 villages and adds 250; the database refuses row 150 (a trigger stands in for
        // any failure the database may raise: a constraint, a full disk, a lost lock).
        var file = VillageFile("newer.geojson", 300, nameOf: i => i == 150 ? "Boom" : $"Desa Baru {i}");
        await db.ExecuteAsync("CREATE FUNCTION desagis.test_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                              "IF NEW.nama = 'Boom' THEN RAISE EXCEPTION 'refused %', NEW.kode; END IF; RETURN NEW; END $$");
        await db.ExecuteAsync("CREATE TRIGGER test_boom BEFORE INSERT OR UPDATE ON desagis.desa FOR EACH ROW EXECUTE FUNCTION desagis.test_boom()");
        try
        {
            var failure = await Assert.ThrowsAsync<PostgresException>(() =>
                new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = file, Target = ImportTarget.Desa }));
            Assert.Contains("refused 63.05.01.2150", failure.MessageText);
        }
        finally
        {
            await db.ExecuteAsync("DROP TRIGGER test_boom ON desagis.desa");
            await db.ExecuteAsync("DROP FUNCTION desagis.test_boom()");
        }

        Assert.Equal(before, await StateAsync());
        Assert.Equal(50, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE kode LIKE '63.05.01.%'"));
        Assert.Equal("Desa 7", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = '63.05.01.2007'"));
    }

    [Fact]
    public async Task A_cancelled_import_leaves_the_tables_unchanged()
    {
        await ArrangeBaselineAsync();
        var before = await StateAsync();
        var file = VillageFile("cancelled.geojson", 300, nameOf: i => $"Dibatalkan {i}");
        using var cts = new CancellationTokenSource();
        var progress = new CallbackProgress(p => { if (p.RowsRead >= 100) cts.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = file, Target = ImportTarget.Desa }, progress, cts.Token));

        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_connection_lost_mid_import_like_a_killed_process_leaves_the_tables_unchanged()
    {
        await ArrangeBaselineAsync();
        var before = await StateAsync();
        var file = VillageFile("killed.geojson", 300, nameOf: i => $"Terputus {i}");
        var application = "desagis-import-" + Guid.NewGuid().ToString("N")[..8];
        await using var importing = DesaGisDataSource.Create(db.ConnectionString, application);
        bool killed = false;
        var progress = new CallbackProgress(p =>
        {
            if (killed || p.RowsRead < 100) return;
            killed = true;
            // The server ends the importing connection mid-COPY, as when the importing process dies.
            using var admin = db.DataSource.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1");
            admin.Parameters.AddWithValue(application);
            admin.ExecuteScalar();
        });

        await Assert.ThrowsAnyAsync<Exception>(() =>
            new Importer(importing).ImportAsync(new ImportRequest { Path = file, Target = ImportTarget.Desa }, progress));

        Assert.True(killed);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_change_and_writes_nothing()
    {
        await ArrangeBaselineAsync();
        var before = await StateAsync();

        var report = await new Importer(db.DataSource).ImportAsync(
            new ImportRequest { Path = VillageFile("dry.geojson", 60, nameOf: i => i <= 5 ? $"Ganti {i}" : $"Desa {i}"), Target = ImportTarget.Desa, DryRun = true });

        Assert.True(report.DryRun);
        Assert.Null(report.RunId);
        Assert.Equal((10, 5, 45), (report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Imports_in_the_callers_transaction_see_each_other_and_roll_back_together()
    {
        var before = await db.ScalarAsync<string>("SELECT (SELECT count(*) FROM desagis.code_crosswalk) || ':' || (SELECT count(*) FROM desagis.kabupaten_indicator) || ':' || (SELECT count(*) FROM desagis.import_run)");
        var bridge = _files.Text("bridge.csv", "kode_bps,nama_bps,kode_dagri,nama_dagri\n6108,KAPUAS HULU,6106,KAB. KAPUAS HULU\n");
        var poverty = _files.Text("p0.csv", "kode_bps,p0_persen_penduduk_miskin\n6108,8.93\n");

        await using (var connection = await db.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Importer.ImportAsync(new ImportRequest { Path = bridge, Preset = "bps-crosswalk", DryRun = true }, connection, null, CancellationToken.None);
            var report = await Importer.ImportAsync(new ImportRequest { Path = poverty, Preset = "kemiskinan", Year = 2021, DryRun = true }, connection, null, CancellationToken.None);
            Assert.Equal(1, report.Inserted);
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await db.ScalarAsync<string>("SELECT (SELECT count(*) FROM desagis.code_crosswalk) || ':' || (SELECT count(*) FROM desagis.kabupaten_indicator) || ':' || (SELECT count(*) FROM desagis.import_run)"));
    }

    [Fact]
    public async Task Importing_a_newer_file_updates_rows_in_place_matched_by_code()
    {
        await ArrangeBaselineAsync();
        var unchangedStamp = await db.ScalarAsync<DateTime>("SELECT updated_at FROM desagis.desa WHERE kode = '63.05.01.2010'");
        // Newer file: villages 1–3 renamed, village 4 gets a new shape, 5–50 as before, 51–52 new.
        var features = Enumerable.Range(1, 52).Select(i => ImportFiles.Feature(
            new Dictionary<string, object?> { ["kode"] = $"{Kecamatan}.{2000 + i}", ["nama"] = i <= 3 ? $"Desa {i} (baru)" : $"Desa {i}" },
            ImportFiles.PolygonJson(ImportFiles.Square(114.0 + i * 0.01, -3.2, i == 4 ? 0.005 : 0.009))));
        var file = _files.GeoJson("newer in place.geojson", features);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = file, Target = ImportTarget.Desa });

        Assert.Equal((2, 4, 46), (report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal(52, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE kode LIKE '63.05.01.%'"));
        Assert.Equal("Desa 2 (baru)", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = '63.05.01.2002'"));
        Assert.Equal(0.005 * 0.005, await db.ScalarAsync<double>("SELECT ST_Area(geom) FROM desagis.desa WHERE kode = '63.05.01.2004'"), 12);
        Assert.Equal(unchangedStamp, await db.ScalarAsync<DateTime>("SELECT updated_at FROM desagis.desa WHERE kode = '63.05.01.2010'"));
        var sha = await db.ScalarAsync<string>("SELECT source_sha256 FROM desagis.import_run WHERE id = $1", report.RunId!.Value);
        Assert.Equal(report.Sha256, sha);
        Assert.Equal(64, sha.Length);
    }

    private sealed class CallbackProgress(Action<ImportProgress> callback) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => callback(value);
    }
}
