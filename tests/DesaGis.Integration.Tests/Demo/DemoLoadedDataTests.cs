using DesaGis.Data.Demo;

namespace DesaGis.Integration.Tests.Demo;

public class DemoLoadedDataTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private Task<T> Scalar<T>(string sql, params object[] parameters) => demo.Database.ScalarAsync<T>(sql, parameters);

    [Fact]
    public async Task Every_table_holds_what_the_files_hold()
    {
        var regions = DemoGenerator.Generate(new DemoOptions(1)).Regions.ToList();
        Assert.False(demo.Load.Skipped);
        Assert.Equal(regions.Count, await Scalar<int>("SELECT count(*) FROM desagis.provinsi"));
        Assert.Equal(regions.Sum(r => r.Kabupaten.Count), await Scalar<int>("SELECT count(*) FROM desagis.kabupaten"));
        Assert.Equal(regions.Sum(r => r.Kecamatan.Count), await Scalar<int>("SELECT count(*) FROM desagis.kecamatan"));
        Assert.Equal(regions.Sum(r => r.Villages.Count), await Scalar<int>("SELECT count(*) FROM desagis.desa"));
        Assert.Equal(regions.Sum(r => r.Villages.Count(v => v.Jenis == "kelurahan")),
            await Scalar<int>("SELECT count(*) FROM desagis.desa WHERE jenis = 'kelurahan' AND substr(kode, 10, 1) = '1'"));
        Assert.Equal(regions.Sum(r => r.VillageIndicators.Count), await Scalar<int>("SELECT count(*) FROM desagis.village_indicator"));
        Assert.Equal(regions.Sum(r => r.KabupatenIndicators.Count), await Scalar<int>("SELECT count(*) FROM desagis.kabupaten_indicator"));
        Assert.Equal(regions.Sum(r => r.TransmigrationAreas.Count), await Scalar<int>("SELECT count(*) FROM desagis.transmigration_area"));
        Assert.Equal(regions.Sum(r => r.Programs.Count), await Scalar<int>("SELECT count(*) FROM desagis.program"));
        Assert.Equal(regions.Sum(r => r.Programs.Sum(p => p.VillageKodes.Count)), await Scalar<int>("SELECT count(*) FROM desagis.program_village"));
        Assert.Equal(4, await Scalar<int>("SELECT count(DISTINCT kind) FROM desagis.partner"));
        Assert.Equal("Provinsi Contoh (sintetis)", await Scalar<string>("SELECT nama FROM desagis.provinsi WHERE kode = '99'"));
    }

    [Fact]
    public async Task Villages_of_each_kecamatan_neither_overlap_nor_leave_gaps()
    {
        // Sum of the village areas equals the kecamatan's area, and so does the area of their union: no overlap, no gap.
        double worstSum = await Scalar<double>(
            """
            SELECT max(abs(v.total - ST_Area(k.geom)) / ST_Area(k.geom))
              FROM desagis.kecamatan k
              JOIN (SELECT kecamatan_kode, sum(ST_Area(geom)) AS total, ST_Union(geom) AS merged FROM desagis.desa GROUP BY 1) v
                ON v.kecamatan_kode = k.kode
            """);
        double worstUnion = await Scalar<double>(
            """
            SELECT max(ST_Area(ST_SymDifference(v.merged, k.geom)) / ST_Area(k.geom))
              FROM desagis.kecamatan k
              JOIN (SELECT kecamatan_kode, ST_Union(geom) AS merged FROM desagis.desa GROUP BY 1) v ON v.kecamatan_kode = k.kode
            """);
        double overlap = await Scalar<double>(
            """
            SELECT COALESCE(max(ST_Area(ST_Intersection(a.geom, b.geom))), 0)
              FROM desagis.desa a JOIN desagis.desa b
                ON a.kode < b.kode AND a.kecamatan_kode = b.kecamatan_kode AND ST_Intersects(a.geom, b.geom)
            """);
        int touchingPairs = await Scalar<int>(
            "SELECT count(*) FROM desagis.desa a JOIN desagis.desa b ON a.kode < b.kode AND ST_Touches(a.geom, b.geom)");
        Assert.True(worstSum < 1e-9, $"village areas differ from their kecamatan's by up to {worstSum:E2} of it");
        Assert.True(worstUnion < 1e-9, $"the union of villages differs from their kecamatan by up to {worstUnion:E2} of it");
        Assert.True(overlap < 1e-12, $"two villages overlap by {overlap:E2} square degrees");
        Assert.True(touchingPairs > 500, "neighbouring villages share boundaries");
    }

    [Fact]
    public async Task Kecamatan_tile_their_kabupaten_and_every_geometry_is_valid()
    {
        double worst = await Scalar<double>(
            """
            SELECT max(ST_Area(ST_SymDifference(v.merged, k.geom)) / ST_Area(k.geom))
              FROM desagis.kabupaten k
              JOIN (SELECT kabupaten_kode, ST_Union(geom) AS merged FROM desagis.kecamatan GROUP BY 1) v ON v.kabupaten_kode = k.kode
            """);
        Assert.True(worst < 1e-9, $"kecamatan differ from their kabupaten by up to {worst:E2} of it");
        Assert.Equal(0, await Scalar<int>(
            """
            SELECT (SELECT count(*) FROM desagis.desa WHERE NOT ST_IsValid(geom)) + (SELECT count(*) FROM desagis.kecamatan WHERE NOT ST_IsValid(geom))
                 + (SELECT count(*) FROM desagis.kabupaten WHERE NOT ST_IsValid(geom)) + (SELECT count(*) FROM desagis.provinsi WHERE NOT ST_IsValid(geom))
                 + (SELECT count(*) FROM desagis.transmigration_area WHERE NOT ST_IsValid(geom))
            """));
        // Kalimantan-like coordinates.
        Assert.True(await Scalar<bool>("SELECT ST_Contains(ST_MakeEnvelope(112, -5, 117, 0, 4326), ST_SetSRID(ST_Extent(geom)::geometry, 4326)) FROM desagis.desa"));
    }

    [Fact]
    public async Task Transmigration_areas_contain_their_villages_and_the_summary_says_so()
    {
        Assert.Equal(0, await Scalar<int>(
            """
            SELECT count(*) FROM desagis.transmigration_area_village tv
              JOIN desagis.transmigration_area t ON t.id = tv.area_id JOIN desagis.desa d ON d.kode = tv.desa_kode
             WHERE NOT ST_Covers(t.geom, d.geom)
            """));
        Assert.True(await Scalar<int>("SELECT min(village_count) FROM desagis.transmigration_areas") >= 3);
        Assert.Equal(await Scalar<int>("SELECT count(*) FROM desagis.transmigration_area_village"),
            await Scalar<int>("SELECT count(*) FROM desagis.village_summary WHERE in_transmigration_area"));
    }

    [Fact]
    public async Task The_summary_and_programme_footprints_are_refreshed()
    {
        Assert.Equal(await Scalar<int>("SELECT count(*) FROM desagis.desa"),
            await Scalar<int>("SELECT count(*) FROM desagis.village_indicators WHERE kabupaten_nama LIKE '%(sintetis)' AND idm_status IS NOT NULL AND population > 0"));
        Assert.Equal(2024, await Scalar<int>("SELECT max(indicator_year) FROM desagis.village_summary"));
        Assert.Equal(0, await Scalar<int>("SELECT count(*) FROM desagis.program WHERE footprint IS NULL"));
        Assert.Equal(0, await Scalar<int>(
            """
            SELECT count(*) FROM desagis.program_village pv JOIN desagis.program p ON p.id = pv.program_id JOIN desagis.desa d ON d.kode = pv.desa_kode
             WHERE NOT ST_Covers(p.footprint, d.geom)
            """));
        Assert.True(await Scalar<int>("SELECT max(program_count) FROM desagis.village_summary") >= 2, "programmes overlap");
    }

    [Fact]
    public async Task The_load_is_recorded_with_the_sha256_of_the_directory()
    {
        Assert.Equal(DemoDirectoryHash.Compute(LoadedDemo.Directory),
            await Scalar<string>("SELECT source_sha256 FROM desagis.import_run WHERE target = 'demo' ORDER BY id DESC LIMIT 1"));
        Assert.True(await Scalar<int>("SELECT rows_read FROM desagis.import_run WHERE target = 'demo' ORDER BY id LIMIT 1") > 1000);
    }
}
