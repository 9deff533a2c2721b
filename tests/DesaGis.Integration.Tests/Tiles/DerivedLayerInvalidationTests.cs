using System.Net;
using DesaGis.Data.Security;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>Saved scenarios and household records are cached tile layers too: a write to them is never served stale.</summary>
public class DerivedLayerInvalidationTests : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    // z12 tile over the first village of the small dataset (114.50–114.55°E, 2.60–2.55°S).
    private const string Tile = "12/3351/2077";
    private readonly PostgisDatabase _db;

    public DerivedLayerInvalidationTests(PostgisDatabase db) => _db = db;

    public async Task InitializeAsync()
    {
        if (await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa") == 0) await SmallDataset.LoadAsync(_db);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_newly_saved_scenario_shows_in_the_next_tile()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        using (var before = await client.GetAsync($"/tiles/scenario_pilots/{Tile}.mvt"))
            Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);

        await _db.ExecuteAsync(
            """
            WITH s AS (INSERT INTO desagis.planner_scenario (name, method, parameters, results)
                       VALUES ('Uji tile', 'ranking', '{}', '{}') RETURNING id)
            INSERT INTO desagis.planner_scenario_village (scenario_id, desa_kode, role, rank, point)
            SELECT s.id, d.kode, 'pilot', 1, d.centroid FROM s, desagis.desa d WHERE d.kode = $1
            """, SmallDataset.VillageCodes[0]);

        using var after = await client.GetAsync($"/tiles/scenario_pilots/{Tile}.mvt");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var (z, x, y) = (12, 3351, 2077);
        var vt = TileDecoding.Decode(await after.Content.ReadAsByteArrayAsync(), DesaGis.Core.Tiles.TileCoord.Create(z, x, y));
        Assert.Equal("Uji tile", Assert.Single(Assert.Single(vt.Layers).Features).Attributes["scenario_name"]);
    }

    [Fact]
    public async Task A_new_household_record_shows_in_the_next_restricted_tile()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        using (var before = await client.GetAsync($"/tiles/extreme_poor_households/{Tile}.mvt"))
            Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);

        await _db.ExecuteAsync(
            "INSERT INTO desagis.extreme_poor_household (kode, desa_kode, head_of_household, members, welfare_decile, year, geom) " +
            "SELECT 'HH-TILE-1', kode, 'Ibu Uji', 3, 1, 2024, centroid FROM desagis.desa WHERE kode = $1",
            SmallDataset.VillageCodes[0]);

        using var after = await client.GetAsync($"/tiles/extreme_poor_households/{Tile}.mvt");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
