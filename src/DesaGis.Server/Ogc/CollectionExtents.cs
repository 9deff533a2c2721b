using System.Collections.Concurrent;
using DesaGis.Core.Layers;
using DesaGis.Data.Features;
using DesaGis.Server.Tiles;

namespace DesaGis.Server.Ogc;

/// <summary>
/// Collection extents, computed once per version of the data rather than on every request: an extent scans its whole
/// table, and clients such as GDAL and QGIS ask for /collections every time they connect. Every change to a layer's
/// data is in the layer change log (migration 0031) and moves its version on, so a cached extent is used only while
/// no change has been committed since it was computed — a moved village shows in the very next extent.
/// </summary>
public sealed class CollectionExtents(FeatureStore store, TileChangeMonitor changes)
{
    private readonly ConcurrentDictionary<string, (long Version, Lazy<Task<CollectionExtent>> Extent)> _extents = new(StringComparer.Ordinal);

    public async Task<CollectionExtent> GetAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        // Every change committed before this call is counted in the version (a lease makes this free; else one read).
        long version = await changes.SyncAsync(cancellationToken);
        var entry = _extents.AddOrUpdate(layer.Id,
            _ => (version, Compute(layer)),
            (_, cached) => cached.Version >= version && !cached.Extent.Value.IsFaulted ? cached : (version, Compute(layer)));
        return await entry.Extent.Value.WaitAsync(cancellationToken);
    }

    // Shared by concurrent requests, so one request's cancellation does not stop it; the statement timeout bounds it.
    private Lazy<Task<CollectionExtent>> Compute(LayerDefinition layer) =>
        new(() => store.ExtentAsync(layer, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
}
