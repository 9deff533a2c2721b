using DesaGis.Data.Demo;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Demo;

public class DemoReplaceTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    [Fact]
    public async Task Loading_regenerated_data_replaces_the_demo_rows_and_keeps_other_data()
    {
        // A real village away from the synthetic province (the demo refuses to lie over real villages).
        await db.ExecuteAsync(
            "INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ('52.03.01.2001', 'Desa nyata', 'desa', ST_Multi(ST_GeomFromText('POLYGON((116.5 -8.7,116.6 -8.7,116.6 -8.6,116.5 -8.7))', 4326)))");
        using var big = new TempDirectory();
        using var small = new TempDirectory();
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(1, 200)), big.Path);
        var smaller = await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(2, 120)), small.Path);

        await DemoLoader.LoadAsync(db.DataSource, big.Path);
        var second = await DemoLoader.LoadAsync(db.DataSource, small.Path);

        Assert.False(second.Skipped);
        Assert.True(second.Deleted > 0);
        Assert.Equal(smaller.Villages, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.desa WHERE provinsi_kode = '99'"));
        Assert.Equal(smaller.Kecamatan, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.kecamatan"));
        Assert.Equal(smaller.Programs, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.program"));
        Assert.Equal(smaller.ProgramVillages, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.program_village"));
        Assert.Equal(smaller.Households, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.extreme_poor_household"));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.extreme_poor_household h WHERE NOT EXISTS (SELECT 1 FROM desagis.desa d WHERE d.kode = h.desa_kode)"));
        Assert.Equal(smaller.VillageIndicators, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.village_indicator"));
        Assert.Equal(0, await db.ScalarAsync<int>(
            "SELECT count(*) FROM desagis.village_summary s WHERE NOT EXISTS (SELECT 1 FROM desagis.desa d WHERE d.kode = s.kode)"));
        // Real data outside the demo's provinces is untouched.
        Assert.Equal("Desa nyata", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = '52.03.01.2001'"));
    }
}
