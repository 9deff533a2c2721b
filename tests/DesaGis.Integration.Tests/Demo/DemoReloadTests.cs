using DesaGis.Data.Demo;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Demo;

public class DemoReloadTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    private const string Fingerprint =
        """
        SELECT md5(concat_ws('|',
            (SELECT string_agg(concat_ws(',', kode, nama, jenis, area_km2, md5(ST_AsBinary(geom)), updated_at), ';' ORDER BY kode) FROM desagis.desa),
            (SELECT string_agg(concat_ws(',', kode, nama, updated_at), ';' ORDER BY kode) FROM desagis.kecamatan),
            (SELECT string_agg(concat_ws(',', desa_kode, year, population, poverty_rate, idm_score, updated_at), ';' ORDER BY desa_kode, year) FROM desagis.village_indicator),
            (SELECT string_agg(concat_ws(',', kode, nama, status, updated_at, md5(ST_AsBinary(footprint))), ';' ORDER BY kode) FROM desagis.program),
            (SELECT string_agg(concat_ws(',', program_id, desa_kode), ';' ORDER BY program_id, desa_kode) FROM desagis.program_village),
            (SELECT string_agg(concat_ws(',', kode, updated_at), ';' ORDER BY kode) FROM desagis.transmigration_area),
            (SELECT string_agg(concat_ws(',', kode, program_count, poverty_rate), ';' ORDER BY kode) FROM desagis.village_summary),
            (SELECT string_agg(concat_ws(',', kode, head_of_household, members, welfare_decile, md5(ST_AsBinary(geom)), updated_at), ';' ORDER BY kode) FROM desagis.extreme_poor_household)))
        """;

    [Fact]
    public async Task Loading_the_same_files_again_is_skipped_and_a_forced_reload_changes_nothing()
    {
        using var dir = new TempDirectory();
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(11, 150)), dir.Path);

        var first = await DemoLoader.LoadAsync(db.DataSource, dir.Path);
        var afterFirst = await db.ScalarAsync<string>(Fingerprint);
        int runs = await db.ScalarAsync<int>("SELECT count(*) FROM desagis.import_run");
        Assert.True(await db.ScalarAsync<int>("SELECT count(*) FROM desagis.extreme_poor_household") > 100, "the households are loaded with the rest");

        var second = await DemoLoader.LoadAsync(db.DataSource, dir.Path);
        Assert.False(first.Skipped);
        Assert.True(first.Inserted > 150);
        Assert.True(second.Skipped);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(runs, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.import_run"));
        Assert.Equal(afterFirst, await db.ScalarAsync<string>(Fingerprint));

        var forced = await DemoLoader.LoadAsync(db.DataSource, dir.Path, force: true);
        Assert.False(forced.Skipped);
        Assert.Equal((0, 0, 0), (forced.Inserted, forced.Updated, forced.Deleted));
        Assert.Equal(afterFirst, await db.ScalarAsync<string>(Fingerprint));
    }
}
