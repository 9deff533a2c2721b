using System.Net;
using DesaGis.Core.Tiles;
using DesaGis.Server.Tiles;
using Microsoft.Extensions.DependencyInjection;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>The tile cache after imports and edits: nothing stale is served, and unaffected tiles stay cached.</summary>
public class TileCacheInvalidationTests(TileServerFixture fixture) : IClassFixture<TileServerFixture>
{
    private readonly HttpClient _client = fixture.Client;
    private TileCache Cache => fixture.Server.Services.GetRequiredService<TileCache>();

    private static TileCoord BlockTile(int z) => WebMercator.TileAt(TileTestData.Centre(1, 1).Lon, TileTestData.Centre(1, 1).Lat, z);
    private static TileCoord FarTile(int z) => WebMercator.TileAt(120.03, -5.17, z);

    private async Task<NetTopologySuite.IO.VectorTiles.VectorTile> GetAsync(string layers, TileCoord t)
    {
        using var response = await _client.GetAsync($"/tiles/{layers}/{t.Z}/{t.X}/{t.Y}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TileDecoding.Decode(await response.Content.ReadAsByteArrayAsync(), t);
    }

    private static double PovertyOf(NetTopologySuite.IO.VectorTiles.VectorTile vt, string kode) =>
        Convert.ToDouble(vt.Layers.Single(l => l.Name == "village_indicators").Features.Single(f => (string)f.Attributes["kode"] == kode).Attributes["poverty_rate"]);

    [Fact]
    public async Task A_changed_village_is_never_served_stale_while_unaffected_tiles_stay_cached()
    {
        var block = BlockTile(12);
        var far = FarTile(12);
        string kode = TileTestData.Kode(1, 1);
        await GetAsync("village_indicators", block);
        await GetAsync("village_indicators", far);
        await GetAsync("village_indicators,kecamatan", block);
        Assert.True(Cache.Contains(new TileCacheKey("village_indicators", block)));
        Assert.True(Cache.Contains(new TileCacheKey("village_indicators", far)));

        // Every write is visible in the very next request, time after time: no window in which the old tile is served.
        await using var writer = await fixture.Database.DataSource.OpenConnectionAsync();
        for (int i = 1; i <= 15; i++)
        {
            double rate = 40 + i;
            await ConsistencyChecks.SetPovertyAsync(writer, kode, rate);
            Assert.Equal(rate, PovertyOf(await GetAsync("village_indicators", block), kode), 6);
            Assert.Equal(rate, PovertyOf(await GetAsync("village_indicators,kecamatan", block), kode), 6);
            // Low zooms read the generalised table's copy of the attributes; it changes in the same transaction.
            Assert.Equal(rate, PovertyOf(await GetAsync("village_indicators", BlockTile(6)), kode), 6);
        }

        // The far village's tile was never evicted: the same cached object is still there.
        Assert.True(Cache.Contains(new TileCacheKey("village_indicators", far)));
        Assert.True(Cache.TryGet(new TileCacheKey("village_indicators", far), out var cachedFar));
        await GetAsync("village_indicators", far);
        Assert.True(Cache.TryGet(new TileCacheKey("village_indicators", far), out var stillFar));
        Assert.Same(cachedFar, stillFar);
    }

    [Fact]
    public async Task A_moved_village_boundary_shows_at_every_zoom_band_including_generalised_ones()
    {
        string kode = TileTestData.Kode(2, 2);
        foreach (int z in new[] { 6, 9, 12, 15 })
            await GetAsync("village_indicators", WebMercator.TileAt(TileTestData.Centre(2, 2).Lon, TileTestData.Centre(2, 2).Lat, z));

        // Shift the village 0.01° east: half its width.
        await fixture.Database.ExecuteAsync("UPDATE desagis.desa SET geom = ST_Translate(geom, 0.01, 0) WHERE kode = $1", kode);
        var (lon, lat) = TileTestData.Centre(2, 2);
        foreach (int z in new[] { 6, 9, 12, 15 })
        {
            var t = WebMercator.TileAt(lon + 0.01, lat, z);
            var feature = (await GetAsync("village_indicators", t)).Layers.Single().Features.Single(f => (string)f.Attributes["kode"] == kode);
            Assert.InRange(feature.Geometry.EnvelopeInternal.Centre.X, lon + 0.01 - 0.003, lon + 0.01 + 0.003);
        }
    }

    [Fact]
    public async Task Renaming_a_kecamatan_evicts_kecamatan_tiles_but_not_village_tiles()
    {
        var t = BlockTile(10);
        await GetAsync("kecamatan", t);
        await GetAsync("villages", t);
        Assert.True(Cache.Contains(new TileCacheKey("villages", t)));

        await fixture.Database.ExecuteAsync("UPDATE desagis.kecamatan SET nama = 'Tabunganen Baru' WHERE kode = '63.04.01'");
        var kecamatan = (await GetAsync("kecamatan", t)).Layers.Single().Features;
        Assert.Contains(kecamatan, f => (string)f.Attributes["nama"] == "Tabunganen Baru");
        Assert.True(Cache.Contains(new TileCacheKey("villages", t)));
    }

    [Fact]
    public async Task Adding_a_village_to_a_programme_updates_programme_and_coverage_tiles()
    {
        var t = BlockTile(12);
        var before = (await GetAsync("program_coverage", t)).Layers.Single().Features.Count;
        await fixture.Database.ExecuteAsync(
            "INSERT INTO desagis.program_village (program_id, desa_kode) SELECT id, $1 FROM desagis.program WHERE kode = 'PRG-1'", TileTestData.Kode(0, 2));
        await fixture.Database.ExecuteAsync("SELECT desagis.refresh_program_footprint(NULL)");
        var after = (await GetAsync("program_coverage", t)).Layers.Single().Features;
        Assert.Equal(before + 1, after.Count);
        Assert.Contains(after, f => (string)f.Attributes["desa_kode"] == TileTestData.Kode(0, 2));
    }
}
