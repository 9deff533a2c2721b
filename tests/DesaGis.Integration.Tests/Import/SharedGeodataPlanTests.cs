using DesaGis.Data.Import;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Import;

/// <summary>What <c>desagis import all --from ../shared/geodata</c> loads, on an empty database.</summary>
public class SharedGeodataPlanTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    [GeodataFact]
    public async Task Importing_everything_in_order_loads_every_file_and_a_second_run_changes_nothing()
    {
        var steps = SharedGeodataPlan.Steps(SharedGeodata.Directory!);
        var importer = new Importer(db.DataSource);
        var first = new List<ImportReport>();
        foreach (var step in steps) first.Add(await importer.ImportAsync(step.Request));

        Assert.Equal(18, first.Count);
        // Only the transmigration file's repeated village is rejected.
        Assert.Equal(1, first.Sum(r => r.Rejected));
        Assert.Equal(999, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE geom IS NOT NULL"));
        Assert.Equal(447, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kecamatan WHERE geom IS NOT NULL"));
        Assert.Equal((514L, 37L), (await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kabupaten"), await db.ScalarAsync<long>("SELECT count(geom) FROM desagis.kabupaten")));
        Assert.Equal((38L, 3L), (await db.ScalarAsync<long>("SELECT count(*) FROM desagis.provinsi"), await db.ScalarAsync<long>("SELECT count(geom) FROM desagis.provinsi")));
        Assert.Equal(992, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.code_crosswalk"));
        Assert.Equal(999, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_summary"));
        Assert.Equal("Tabunganen|Kabupaten Barito Kuala|Kalimantan Selatan", await db.ScalarAsync<string>(
            "SELECT kecamatan_nama || '|' || kabupaten_nama || '|' || provinsi_nama FROM desagis.village_summary WHERE kode = '63.04.01.2001'"));
        Assert.Equal(11, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_summary WHERE idm_status IS NOT NULL"));
        Assert.Equal(18, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.import_run"));

        var second = new List<ImportReport>();
        foreach (var step in steps) second.Add(await importer.ImportAsync(step.Request));
        Assert.All(second, r => Assert.Equal(0, r.Inserted + r.Updated));
    }
}
