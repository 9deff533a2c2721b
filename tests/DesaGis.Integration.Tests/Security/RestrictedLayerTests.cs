using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DesaGis.Data.Security;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Security;

public class RestrictedLayerTests : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    private const string Layer = "extreme_poor_households";
    private readonly PostgisDatabase _db;
    private string _viewer = "";
    private string _planner = "";

    public RestrictedLayerTests(PostgisDatabase db) => _db = db;

    public async Task InitializeAsync()
    {
        if (await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.extreme_poor_household") == 0)
        {
            await SmallDataset.LoadAsync(_db);
            await _db.ExecuteAsync(
                """
                INSERT INTO desagis.extreme_poor_household (kode, desa_kode, head_of_household, members, welfare_decile, year, geom)
                SELECT 'HH-' || d.kode, d.kode, 'Kepala ' || d.nama, 4, 1, 2024, ST_PointOnSurface(d.geom) FROM desagis.desa d
                """);
        }
        var store = new ApiKeyStore(_db.DataSource);
        _viewer = (await store.CreateAsync("viewer-" + Guid.NewGuid().ToString("N")[..8], Roles.Viewer)).Secret;
        _planner = (await store.CreateAsync("planner-" + Guid.NewGuid().ToString("N")[..8], Roles.Planner)).Secret;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Anonymous_callers_neither_see_nor_reach_the_restricted_layer()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        var collections = await client.GetFromJsonAsync<JsonElement>("/collections?f=json");
        Assert.DoesNotContain(collections.GetProperty("collections").EnumerateArray(), c => c.GetProperty("id").GetString() == Layer);
        foreach (var path in new[]
                 {
                     $"/collections/{Layer}", $"/collections/{Layer}/items", $"/collections/{Layer}/items/HH-99.01.01.2001",
                     $"/collections/{Layer}/queryables", $"/export/data/{Layer}?format=geojson", $"/export/data/{Layer}?format=csv",
                     $"/tiles/{Layer}.json", $"/tiles/{Layer}/12/3351/2077.mvt", $"/tiles/village_indicators,{Layer}/12/3351/2077.mvt",
                     $"/collections/{Layer}/tiles/WebMercatorQuad/12/2077/3351",
                 })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("Kepala", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_viewer_is_refused_with_403()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-API-Key", _viewer);
        using var response = await client.GetAsync($"/collections/{Layer}/items");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_planner_lists_and_reads_the_households()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-API-Key", _planner);
        var collections = await client.GetFromJsonAsync<JsonElement>("/collections?f=json");
        Assert.Contains(collections.GetProperty("collections").EnumerateArray(), c => c.GetProperty("id").GetString() == Layer);
        var items = await client.GetFromJsonAsync<JsonElement>($"/collections/{Layer}/items?f=json&limit=100");
        Assert.Equal(SmallDataset.VillageCount, items.GetProperty("features").GetArrayLength());
        Assert.Equal("Point", items.GetProperty("features")[0].GetProperty("geometry").GetProperty("type").GetString());
        var tileJson = await client.GetFromJsonAsync<JsonElement>($"/tiles/{Layer}.json");
        Assert.Equal(Layer, tileJson.GetProperty("vector_layers")[0].GetProperty("id").GetString());
        using (var tile = await client.GetAsync($"/tiles/{Layer}/12/3351/2077.mvt"))
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        using var export = await client.GetAsync($"/export/data/{Layer}?format=csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("Kepala", await export.Content.ReadAsStringAsync());
    }
}
