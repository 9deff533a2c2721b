using System.Collections.Concurrent;
using DesaGis.Core.Tiles;
using DesaGis.Data.Tiles;

namespace DesaGis.Server.Tiles;

/// <summary>
/// Serves tiles from the cache when it holds a current copy, else from the tile source (and caches them).
/// Concurrent misses of one tile at one data version share one render, so a burst of map clients opening the same
/// view costs the database one query per tile, not one per client.
/// </summary>
public sealed class TileService(ITileSource source, TileCache cache, TileChangeMonitor monitor)
{
    private readonly ConcurrentDictionary<(TileCacheKey Key, long Version), Lazy<Task<CachedTile>>> _rendering = new();

    public TileCache Cache => cache;

    public async Task<CachedTile> GetAsync(IReadOnlyList<string> layers, TileCoord tile, CancellationToken cancellationToken)
    {
        if (!cache.Enabled)
            return Wrap(await source.GetTileAsync(layers, tile, cancellationToken), layers, tile);

        long version = await monitor.SyncAsync(cancellationToken);
        var key = new TileCacheKey(string.Join(',', layers), tile);
        if (cache.TryGet(key, out var hit)) return hit;

        // Only requests that saw the same data version share a render: a later one may have seen a newer change.
        var slot = (key, version);
        var render = _rendering.GetOrAdd(slot, s => new Lazy<Task<CachedTile>>(() => RenderAsync(layers, tile, s)));
        return await render.Value.WaitAsync(cancellationToken);
    }

    private async Task<CachedTile> RenderAsync(IReadOnlyList<string> layers, TileCoord tile, (TileCacheKey Key, long Version) slot)
    {
        try
        {
            // Shared by several requests, so no single request's cancellation stops it; the statement timeout bounds it.
            var made = Wrap(await source.GetTileAsync(layers, tile, CancellationToken.None), layers, tile);
            cache.TryAdd(slot.Key, made, slot.Version);
            return made;
        }
        finally
        {
            _rendering.TryRemove(slot, out _);
        }
    }

    private static CachedTile Wrap(byte[] mvt, IReadOnlyList<string> layers, TileCoord tile)
    {
        var envelope = tile.Envelope3857();
        return new CachedTile(mvt, layers, envelope.Expand(envelope.Width * TileSqlBuilder.Buffer / TileSqlBuilder.Extent));
    }
}
