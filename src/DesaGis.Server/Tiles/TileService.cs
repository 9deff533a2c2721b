using DesaGis.Core.Tiles;
using DesaGis.Data.Tiles;

namespace DesaGis.Server.Tiles;

/// <summary>Serves tiles from the cache when it holds a current copy, else from the tile source (and caches them).</summary>
public sealed class TileService(ITileSource source, TileCache cache, TileChangeMonitor monitor)
{
    public TileCache Cache => cache;

    public async Task<CachedTile> GetAsync(IReadOnlyList<string> layers, TileCoord tile, CancellationToken cancellationToken)
    {
        if (!cache.Enabled)
            return Wrap(await source.GetTileAsync(layers, tile, cancellationToken), layers, tile);

        long version = await monitor.SyncAsync(cancellationToken);
        var key = new TileCacheKey(string.Join(',', layers), tile);
        if (cache.TryGet(key, out var hit)) return hit;
        var made = Wrap(await source.GetTileAsync(layers, tile, cancellationToken), layers, tile);
        cache.TryAdd(key, made, version);
        return made;
    }

    private static CachedTile Wrap(byte[] mvt, IReadOnlyList<string> layers, TileCoord tile)
    {
        var envelope = tile.Envelope3857();
        return new CachedTile(mvt, layers, envelope.Expand(envelope.Width * TileSqlBuilder.Buffer / TileSqlBuilder.Extent));
    }
}
