using System.Net;
using DesaGis.Core.Tiles;
using DesaGis.Server.Tiles;
using Microsoft.Extensions.DependencyInjection;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>In Notify consistency the cache learns of changes from PostgreSQL's NOTIFY, without a read per request.</summary>
public class NotifyConsistencyTests(NotifyTileServerFixture fixture) : IClassFixture<NotifyTileServerFixture>
{
    [Fact]
    public async Task A_notified_change_evicts_the_changed_village_tile_and_keeps_the_far_one()
    {
        var services = fixture.Server.Services;
        var cache = services.GetRequiredService<TileCache>();
        var monitor = services.GetRequiredService<TileChangeMonitor>();
        var (lon, lat) = TileTestData.Centre(1, 1);
        var block = WebMercator.TileAt(lon, lat, 12);
        var far = WebMercator.TileAt(120.03, -5.17, 12);
        foreach (var t in new[] { block, far })
            Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync($"/tiles/village_indicators/{t.Z}/{t.X}/{t.Y}.mvt")).StatusCode);
        Assert.True(cache.Contains(new TileCacheKey("village_indicators", block)));

        await fixture.Database.ExecuteAsync("UPDATE desagis.village_indicator SET poverty_rate = 66.5 WHERE desa_kode = $1", TileTestData.Kode(1, 1));
        await fixture.Database.ExecuteAsync("SELECT desagis.refresh_village_summary($1)", (object)new[] { TileTestData.Kode(1, 1) });
        long version = await fixture.Database.ScalarAsync<long>("SELECT version FROM desagis.tile_version");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await monitor.WaitForVersionAsync(version, timeout.Token);

        Assert.True(monitor.Listening);
        Assert.False(cache.Contains(new TileCacheKey("village_indicators", block)));
        Assert.True(cache.Contains(new TileCacheKey("village_indicators", far)));
        var bytes = await fixture.Client.GetByteArrayAsync($"/tiles/village_indicators/{block.Z}/{block.X}/{block.Y}.mvt");
        var feature = TileDecoding.Decode(bytes, block).Layers.Single().Features.Single(f => (string)f.Attributes["kode"] == TileTestData.Kode(1, 1));
        Assert.Equal(66.5, Convert.ToDouble(feature.Attributes["poverty_rate"]), 6);
    }
}
