using DesaGis.Core;

namespace DesaGis.Data.Tiles;

/// <summary>A recorded change to a tile layer: where (an EPSG:3857 box, or null for the whole layer) and at which version.</summary>
public sealed record LayerChange(long Version, string Layer, BoundingBox? Box3857);
