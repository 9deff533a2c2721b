using System.Text.Json;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>
/// TileJSON's bounds and center come from the data, as /collections/{id} reports it: a client that opens a tileset on
/// its center lands on villages, not in the middle of the country, and an import into a new area moves both.
/// </summary>
public class TileJsonExtentTests : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    private readonly PostgisDatabase _db;

    public TileJsonExtentTests(PostgisDatabase db) => _db = db;

    public async Task InitializeAsync()
    {
        if (await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa") == 0) await SmallDataset.LoadAsync(_db);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Bounds_and_center_lie_in_the_collection_extent_and_follow_an_import_into_a_new_area()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();

        var (bounds, center) = await TileJsonAsync(client, "villages");
        var extent = await ExtentAsync(client, "villages");
        Assert.Equal(extent, bounds, new Tolerance());
        AssertInside(center, extent);
        var (tileset, _) = await TileJsonAsync(client, "villages,kecamatan");
        Assert.Equal(extent, tileset, new Tolerance());

        // A village imported far to the east (Papua) widens the extent; the very next TileJSON follows.
        await _db.ExecuteAsync("""
            INSERT INTO desagis.desa (kode, nama, jenis, geom)
            VALUES ('99.01.02.2999', 'Desa Baru di Timur', 'desa', ST_Multi(ST_MakeEnvelope(140.60, -2.60, 140.65, -2.55, 4326)))
            """);
        try
        {
            var (moved, movedCenter) = await TileJsonAsync(client, "villages");
            var movedExtent = await ExtentAsync(client, "villages");
            Assert.Equal(140.65, moved[2], 6);
            Assert.Equal(movedExtent, moved, new Tolerance());
            AssertInside(movedCenter, movedExtent);
            Assert.NotEqual(center[0], movedCenter[0]);

            var tileset2 = JsonDocument.Parse(await client.GetStringAsync("/collections/villages/tiles/WebMercatorQuad")).RootElement;
            Assert.Equal(140.65, tileset2.GetProperty("boundingBox").GetProperty("upperRight")[0].GetDouble(), 6);
        }
        finally
        {
            await _db.ExecuteAsync("DELETE FROM desagis.desa WHERE kode = '99.01.02.2999'");
        }
    }

    [Fact]
    public async Task An_empty_layer_still_gets_bounds_to_open_on()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        var (bounds, center) = await TileJsonAsync(client, "scenario_pilots");
        Assert.True(bounds[2] > bounds[0] && bounds[3] > bounds[1]);
        AssertInside(center, bounds);
    }

    private static async Task<(double[] Bounds, double[] Center)> TileJsonAsync(HttpClient client, string layers)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/tiles/{layers}.json"));
        return (json.RootElement.GetProperty("bounds").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            json.RootElement.GetProperty("center").EnumerateArray().Select(v => v.GetDouble()).ToArray());
    }

    private static async Task<double[]> ExtentAsync(HttpClient client, string collection)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/collections/{collection}?f=json"));
        return json.RootElement.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
    }

    private static void AssertInside(double[] center, double[] box)
    {
        Assert.InRange(center[0], box[0], box[2]);
        Assert.InRange(center[1], box[1], box[3]);
        Assert.InRange(center[2], 0, 24);
    }

    private sealed class Tolerance : IEqualityComparer<double[]>
    {
        public bool Equals(double[]? a, double[]? b) => a is not null && b is not null && a.Length == b.Length && a.Zip(b).All(p => Math.Abs(p.First - p.Second) < 1e-9);
        public int GetHashCode(double[] obj) => 0;
    }
}
