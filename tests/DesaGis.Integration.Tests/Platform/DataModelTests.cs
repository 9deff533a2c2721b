using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Platform;

public class DataModelTests : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    private readonly PostgisDatabase _db;
    public DataModelTests(PostgisDatabase db) => _db = db;

    public async Task InitializeAsync()
    {
        if (await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa") == 0) await SmallDataset.LoadAsync(_db);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_indicator_layer_shows_the_latest_year()
    {
        Assert.Equal(2024, await _db.ScalarAsync<int>("SELECT indicator_year FROM desagis.village_indicators WHERE kode = $1", SmallDataset.VillageCodes[2]));
        Assert.Equal(SmallDataset.PovertyRate(2), await _db.ScalarAsync<double>("SELECT poverty_rate FROM desagis.village_indicators WHERE kode = $1", SmallDataset.VillageCodes[2]));
    }

    [Fact]
    public async Task Villages_covered_by_two_partners_count_both_and_completed_programmes_do_not_count()
    {
        Assert.Equal(2, await _db.ScalarAsync<int>("SELECT partner_count FROM desagis.village_indicators WHERE kode = $1", SmallDataset.VillageCodes[3]));
        Assert.Equal("Kemendes PDTT, Yayasan \"Desa\" Sejahtera",
            await _db.ScalarAsync<string>("SELECT partner_names FROM desagis.village_indicators WHERE kode = $1", SmallDataset.VillageCodes[3]));
        Assert.Equal(0, await _db.ScalarAsync<int>("SELECT program_count FROM desagis.village_indicators WHERE kode = $1", SmallDataset.VillageCodes[11]));
    }

    [Fact]
    public async Task Villages_in_a_transmigration_area_say_so()
    {
        Assert.Equal(6, await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_indicators WHERE in_transmigration_area"));
        Assert.Equal("SKP Uji Makmur", await _db.ScalarAsync<string>("SELECT transmigration_area FROM desagis.village_indicators WHERE kode = $1", SmallDataset.VillageCodes[7]));
    }

    [Fact]
    public async Task A_programme_footprint_is_the_union_of_the_villages_it_covers()
    {
        // Four 0.05° cells, two of them adjacent in each row: the union's area is four cells.
        var area = await _db.ScalarAsync<double>("SELECT ST_Area(geom) FROM desagis.program_footprints WHERE kode = 'PRG-1'");
        Assert.Equal(4 * 0.05 * 0.05, area, 6);
        Assert.Equal(4, await _db.ScalarAsync<int>("SELECT village_count FROM desagis.program_footprints WHERE kode = 'PRG-1'"));
    }

    [Fact]
    public async Task Refreshing_an_unchanged_summary_changes_no_row()
    {
        Assert.Equal(0, await _db.ScalarAsync<int>("SELECT desagis.refresh_village_summary(NULL)"));
    }

    [Fact]
    public async Task The_kelurahan_keeps_its_type_and_hostile_names_survive_unchanged()
    {
        Assert.Equal("kelurahan", await _db.ScalarAsync<string>("SELECT jenis FROM desagis.desa WHERE kode = $1", SmallDataset.VillageCodes[5]));
        Assert.Equal("Tanjung Ñandú", await _db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = $1", SmallDataset.VillageCodes[3]));
    }
}
