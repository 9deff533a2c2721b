using DesaGis.Core;
using DesaGis.Core.Tiles;
using DesaGis.Server.Tiles;

namespace DesaGis.Integration.Tests.Tiles;

public class TileCacheTests
{
    private static CachedTile Tile(TileCoord t, int bytes, params string[] layers) => new(new byte[bytes], layers, t.Envelope3857());

    [Fact]
    public void A_tile_made_before_a_change_is_refused_after_that_change_was_applied()
    {
        var cache = new TileCache(1 << 20);
        var t = TileCoord.Create(10, 800, 500);
        // A render began at version 4; meanwhile change 5 to the layer was applied.
        cache.Invalidate("villages", t.Envelope3857(), 5);
        Assert.False(cache.TryAdd(new TileCacheKey("villages", t), Tile(t, 100, "villages"), dataVersion: 4));
        Assert.True(cache.TryAdd(new TileCacheKey("villages", t), Tile(t, 100, "villages"), dataVersion: 5));
        // Another layer's change does not block it.
        cache.Invalidate("kecamatan", null, 9);
        Assert.True(cache.TryAdd(new TileCacheKey("villages", TileCoord.Create(10, 801, 500)), Tile(TileCoord.Create(10, 801, 500), 100, "villages"), dataVersion: 5));
    }

    [Fact]
    public void A_change_evicts_only_tiles_of_that_layer_that_meet_its_box()
    {
        var cache = new TileCache(1 << 20);
        var a = TileCoord.Create(12, 3300, 2100);
        var b = TileCoord.Create(12, 3400, 2100);
        cache.TryAdd(new TileCacheKey("villages", a), Tile(a, 10, "villages"), 1);
        cache.TryAdd(new TileCacheKey("villages", b), Tile(b, 10, "villages"), 1);
        cache.TryAdd(new TileCacheKey("kecamatan,villages", a), Tile(a, 10, "kecamatan", "villages"), 1);
        cache.TryAdd(new TileCacheKey("kecamatan", a), Tile(a, 10, "kecamatan"), 1);

        var inside = a.Envelope3857();
        int evicted = cache.Invalidate("villages", new BoundingBox(inside.CenterX, inside.CenterY, inside.CenterX + 1, inside.CenterY + 1), 2);

        Assert.Equal(2, evicted);
        Assert.False(cache.Contains(new TileCacheKey("villages", a)));
        Assert.False(cache.Contains(new TileCacheKey("kecamatan,villages", a)));
        Assert.True(cache.Contains(new TileCacheKey("villages", b)));
        Assert.True(cache.Contains(new TileCacheKey("kecamatan", a)));
    }

    [Fact]
    public void The_cache_stays_within_its_size_by_dropping_the_least_recently_used()
    {
        var tiles = Enumerable.Range(0, 10).Select(i => TileCoord.Create(8, i, 0)).ToList();
        var cache = new TileCache(Tile(tiles[0], 1000, "v").Size * 5);
        foreach (var t in tiles.Take(5)) Assert.True(cache.TryAdd(new TileCacheKey("v", t), Tile(t, 1000, "v"), 0));
        Assert.True(cache.TryGet(new TileCacheKey("v", tiles[0]), out _));
        foreach (var t in tiles.Skip(5).Take(2)) cache.TryAdd(new TileCacheKey("v", t), Tile(t, 1000, "v"), 0);

        Assert.True(cache.SizeBytes <= cache.MaxBytes);
        Assert.Equal(5, cache.Count);
        Assert.True(cache.Contains(new TileCacheKey("v", tiles[0])));
        Assert.False(cache.Contains(new TileCacheKey("v", tiles[1])));
        Assert.False(cache.Contains(new TileCacheKey("v", tiles[2])));
    }
}
