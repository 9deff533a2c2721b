using DesaGis.Core;
using DesaGis.Core.Layers;
using DesaGis.Core.Tiles;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Tiles;

/// <summary>
/// Where a tileset's data lies: the union of its layers' real extents (the cached ones /collections reports, which
/// follow every committed change), so TileJSON and OGC API – Tiles send clients to the data, not to the middle of the
/// country. Layers without data count for nothing; a tileset with no data at all falls back to Indonesia.
/// </summary>
public static class TileBounds
{
    public static async Task<BoundingBox> OfAsync(IEnumerable<LayerDefinition> layers, CollectionExtents extents, CancellationToken cancellationToken)
    {
        BoundingBox? union = null;
        foreach (var layer in layers)
        {
            if ((await extents.GetAsync(layer, cancellationToken)).Bbox is not { } box) continue;
            union = union is { } u ? u.Union(box) : box;
        }
        if (union is not { } result) return TileJsonFactory.IndonesiaBounds;
        // A single point (one label) still needs an area to zoom to.
        return result.Width > 0 && result.Height > 0 ? result : result.Expand(0.01);
    }
}
