using DesaGis.Data.Demo;
using DesaGis.Data.Geodata;
using DesaGis.Integration.Tests.Demo;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Geodata;

/// <summary>
/// The real places shipped in geodata/real and the examples of geodata/contoh, loaded as 'make run' loads them: through
/// the importer, one import_run per file, into a fresh database.
/// </summary>
public class BundledGeodataTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    private static string Real => RepositoryPaths.Combine("geodata", "real");
    private static string Examples => RepositoryPaths.Combine("geodata", "contoh");

    [Fact]
    public async Task Loading_puts_the_four_real_regencies_with_their_figures_on_the_map_through_the_importer()
    {
        await BundledGeodataLoader.LoadAsync(db.DataSource, Real, Examples);

        Assert.Equal(999, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE ST_IsValid(geom) AND NOT ST_IsEmpty(geom)"));
        Assert.Equal(81, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kecamatan WHERE geom IS NOT NULL"));
        Assert.Equal("52.03 Kabupaten Lombok Timur|61.04 Kabupaten Ketapang|61.06 Kabupaten Kapuas Hulu|63.04 Kabupaten Barito Kuala",
            await db.ScalarAsync<string>("SELECT string_agg(kode || ' ' || nama, '|' ORDER BY kode) FROM desagis.kabupaten WHERE geom IS NOT NULL"));
        Assert.Equal("Suwangi", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = '52.03.02.2001'"));
        // Barito Kuala's villages add up to the regency's area (2,418.6 km² in the source's own check): snapping kept the shapes.
        Assert.Equal(2419, await db.ScalarAsync<double>("SELECT sum(ST_Area(geom::geography)) / 1e6 FROM desagis.desa WHERE kabupaten_kode = '63.04'"), 0);

        // The real kabupaten P0 (Kapuas Hulu is BPS 6108: the crosswalk put it on Kemendagri 61.06) and population.
        Assert.Equal(8.93, await db.ScalarAsync<double>("SELECT poverty_rate FROM desagis.kabupaten_indicator WHERE kabupaten_kode = '61.06' AND year = 2021"), 6);
        Assert.Equal(4, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kabupaten_indicator WHERE poverty_rate IS NOT NULL"));
        Assert.Equal(1457591, await db.ScalarAsync<long>("SELECT population FROM desagis.kabupaten_indicator WHERE kabupaten_kode = '52.03' AND year = 2025"));
        // The real IDM: 11 villages of Lombok Timur, 2021–2024; no village is given a figure it does not have.
        Assert.Equal(44, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_indicator WHERE idm_score IS NOT NULL"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_indicator WHERE poverty_rate IS NOT NULL OR population IS NOT NULL"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_indicator WHERE left(desa_kode, 5) <> '52.03'"));
        Assert.Equal(3, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.transmigration_area WHERE kode LIKE 'SP-61.06.%'"));

        // The examples are labelled and lie on real villages.
        Assert.Equal(4, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.program WHERE kode LIKE 'CONTOH-%' AND nama LIKE '%(contoh)' AND footprint IS NOT NULL"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.partner WHERE nama NOT LIKE '%(contoh)'"));
        Assert.Equal(19, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.program_village pv JOIN desagis.desa d ON d.kode = pv.desa_kode"));
        Assert.Equal(6, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_summary WHERE kode LIKE '52.03.20.%' AND program_count > 0"));

        // One loader: every file went through the importer and is recorded as an import of its table.
        Assert.Equal("code_crosswalk,desa,kabupaten,kabupaten_indicator,kecamatan,partner,program,provinsi,transmigration_area,village_indicator",
            await db.ScalarAsync<string>("SELECT string_agg(DISTINCT target, ',' ORDER BY target) FROM desagis.import_run WHERE actor = 'desagis geodata load' AND target <> 'geodata'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT coalesce(sum(rejected), 0) FROM desagis.import_run"));

        // A second load with the same files does nothing.
        int runs = await db.ScalarAsync<int>("SELECT count(*) FROM desagis.import_run");
        var again = await BundledGeodataLoader.LoadAsync(db.DataSource, Real, Examples);
        Assert.True(again.Skipped);
        Assert.Equal(runs, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.import_run"));
    }

    [Fact]
    public void The_shipped_dataset_is_small_and_carries_its_licence_and_source_note()
    {
        long bytes = Directory.GetFiles(Real).Sum(f => new FileInfo(f).Length) + Directory.GetFiles(Examples).Sum(f => new FileInfo(f).Length);
        Assert.InRange(bytes, 1_000_000, 4_000_000);
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(Real, "LICENSE-cahyadsn.txt")));
        var source = File.ReadAllText(Path.Combine(Real, "SOURCE.md"));
        Assert.Contains("desagis geodata derive --from ../shared/geodata", source);
        Assert.Contains("cahyadsn_wilayah_boundaries/desa_5203_lombok_timur.geojson", source);
        Assert.Contains("invented", File.ReadAllText(Path.Combine(Examples, "README.md")));
    }

    [GeodataFact]
    public async Task Deriving_from_the_shared_geodata_gives_the_committed_files_byte_for_byte()
    {
        using var dir = new TempDirectory();
        string real = Path.Combine(dir.Path, "real"), examples = Path.Combine(dir.Path, "contoh");
        await GeodataDeriver.DeriveAsync(SharedGeodata.Directory!, real, examples);
        foreach (var (committed, derived) in new[] { (Real, real), (Examples, examples) })
        {
            Assert.Equal(Directory.GetFiles(committed).Select(Path.GetFileName).Order(), Directory.GetFiles(derived).Select(Path.GetFileName).Order());
            foreach (var file in Directory.GetFiles(committed))
                Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(derived, Path.GetFileName(file)))),
                    $"{Path.GetFileName(file)} differs from what 'desagis geodata derive' writes; run it and commit the result.");
        }
    }
}

/// <summary>Example data comes and goes; real data stays; synthetic villages never lie over real ones.</summary>
public class ExampleDataTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    private static string Real => RepositoryPaths.Combine("geodata", "real");
    private static string Examples => RepositoryPaths.Combine("geodata", "contoh");

    [Fact]
    public async Task Unloading_removes_the_examples_and_the_synthetic_demo_and_a_later_load_leaves_them_out()
    {
        // A database from before: the synthetic demo loaded first. Loading the real places removes it, as it lies on Barito Kuala.
        await DemoLoader.LoadAsync(db.DataSource, RepositoryPaths.Combine("geodata", "demo"));
        Assert.Equal(320, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE provinsi_kode = '99'"));
        var load = await BundledGeodataLoader.LoadAsync(db.DataSource, Real, Examples);
        Assert.Contains(load.SyntheticRemoved, r => r.What == "synthetic villages" && r.Rows == 320);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE provinsi_kode = '99'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_summary WHERE kode LIKE '99.%'"));

        // The synthetic demo refuses to be drawn over the real villages now there.
        var refused = await Assert.ThrowsAsync<DemoLoadException>(() => DemoLoader.LoadAsync(db.DataSource, RepositoryPaths.Combine("geodata", "demo"), force: true));
        Assert.Contains("over villages already loaded", refused.Message);
        Assert.Contains("63.04.", refused.Message);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE provinsi_kode = '99'"));

        Assert.True(await BundledGeodataLoader.ExamplesWantedAsync(db.DataSource));
        var removed = await ExampleData.UnloadAsync(db.DataSource);
        Assert.Contains(("example programmes", 4), removed);
        Assert.Contains(("example partners", 3), removed);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.program"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_summary WHERE program_count > 0"));
        Assert.Equal(999, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa"));
        Assert.Equal(44, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_indicator"));

        // 'make run' after an unload: the real data is reloaded, the examples stay out until asked for.
        Assert.False(await BundledGeodataLoader.ExamplesWantedAsync(db.DataSource));
        var reload = await BundledGeodataLoader.LoadAsync(db.DataSource, Real, null);
        Assert.False(reload.Skipped);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.program"));
        Assert.False(await BundledGeodataLoader.ExamplesWantedAsync(db.DataSource));
        await BundledGeodataLoader.LoadAsync(db.DataSource, Real, Examples);
        Assert.Equal(4, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.program"));
        Assert.True(await BundledGeodataLoader.ExamplesWantedAsync(db.DataSource));
    }
}

/// <summary>The synthetic demo, loaded in a database of its own as the tests and benchmarks do, unloads cleanly and loads again.</summary>
public class SyntheticUnloadTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    [Fact]
    public async Task Unloading_removes_every_synthetic_row_and_the_next_demo_load_brings_them_back()
    {
        var demo = RepositoryPaths.Combine("geodata", "demo");
        await DemoLoader.LoadAsync(db.DataSource, demo);
        await db.ExecuteAsync("INSERT INTO desagis.provinsi (kode, nama) VALUES ('52', 'Nusa Tenggara Barat')");

        var removed = await ExampleData.UnloadAsync(db.DataSource);
        Assert.Contains(("synthetic villages", 320), removed);
        Assert.Contains(removed, r => r.What == "synthetic households" && r.Rows > 0);
        foreach (var table in new[] { "desa", "kecamatan", "kabupaten", "village_indicator", "kabupaten_indicator", "program", "partner",
                     "program_village", "transmigration_area", "extreme_poor_household", "village_summary" })
            Assert.Equal(0, await db.ScalarAsync<long>($"SELECT count(*) FROM desagis.{table}"));
        Assert.Equal("52", await db.ScalarAsync<string>("SELECT string_agg(kode, ',') FROM desagis.provinsi"));

        var again = await DemoLoader.LoadAsync(db.DataSource, demo);
        Assert.False(again.Skipped);
        Assert.Equal(320, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa"));
    }
}
