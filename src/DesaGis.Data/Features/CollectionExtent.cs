using DesaGis.Core;

namespace DesaGis.Data.Features;

/// <summary>A layer's spatial extent in CRS84 and its range of years; either may be unknown when the layer is empty.</summary>
public sealed record CollectionExtent(BoundingBox? Bbox, int? FirstYear, int? LastYear);
