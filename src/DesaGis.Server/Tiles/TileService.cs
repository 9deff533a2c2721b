using System.Collections.Concurrent;
using DesaGis.Core.Tiles;
using DesaGis.Core.Layers;
using DesaGis.Server.Http;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Tiles;

/// <summary>
/// Serves tiles from the cache when it holds a current copy, else from the tile source (and caches them).
/// Concurrent misses of one tile at one data version share one render, so a burst of map clients opening the same
/// view costs the database one query per tile, not one per client. Renders take a slot of
/// <see cref="CostClass.TileRender"/> (about the database's cores), so a burst of misses queues briefly in the server
/// instead of stretching every statement in the database; past the queue the answer is 503 with Retry-After. Cache hits
/// never touch the gate.
/// </summary>
public sealed class TileService(ITileSource source, TileCache cache, TileChangeMonitor monitor, CostGates gates, IOptions<TileOptions> options)
{
    private readonly ConcurrentDictionary<(TileCacheKey Key, long Version), Lazy<Task<CachedTile>>> _rendering = new();

    public TileCache Cache => cache;

    public async Task<CachedTile> GetAsync(IReadOnlyList<LayerDefinition> layers, TileCoord tile, CancellationToken cancellationToken)
    {
        if (!cache.Enabled)
            return Wrap(await RenderGatedAsync(layers, tile, cancellationToken), layers, tile);

        long version = await monitor.SyncAsync(cancellationToken);
        var key = new TileCacheKey(string.Join(',', layers.Select(l => l.Id)), tile);
        if (cache.TryGet(key, out var hit)) return hit;

        // Only requests that saw the same data version share a render: a later one may have seen a newer change.
        var slot = (key, version);
        var render = _rendering.GetOrAdd(slot, s => new Lazy<Task<CachedTile>>(() => RenderAsync(layers, tile, s)));
        return await render.Value.WaitAsync(cancellationToken);
    }

    private async Task<CachedTile> RenderAsync(IReadOnlyList<LayerDefinition> layers, TileCoord tile, (TileCacheKey Key, long Version) slot)
    {
        try
        {
            // Shared by several requests, so no single request's cancellation stops it; the statement timeout bounds it.
            var made = Wrap(await RenderGatedAsync(layers, tile, CancellationToken.None), layers, tile);
            cache.TryAdd(slot.Key, made, slot.Version);
            return made;
        }
        finally
        {
            _rendering.TryRemove(slot, out _);
        }
    }

    private async Task<byte[]> RenderGatedAsync(IReadOnlyList<LayerDefinition> layers, TileCoord tile, CancellationToken cancellationToken)
    {
        var gate = gates.For(CostClass.TileRender);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.RenderQueueWaitMilliseconds);
        System.Threading.RateLimiting.RateLimitLease lease;
        try
        {
            lease = await gate.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Busy();
        }
        using (lease)
        {
            if (!lease.IsAcquired) throw Busy();
            return await source.GetTileAsync(layers, tile, cancellationToken);
        }
    }

    private TileRendersBusyException Busy() =>
        new(gates.PermitsOf(CostClass.TileRender), gates.QueueLengthOf(CostClass.TileRender));

    private static CachedTile Wrap(byte[] mvt, IReadOnlyList<LayerDefinition> layers, TileCoord tile)
    {
        var envelope = tile.Envelope3857();
        return new CachedTile(mvt, layers.Select(l => l.Id).ToList(), envelope.Expand(envelope.Width * MvtTile.Buffer / MvtTile.Extent));
    }
}
