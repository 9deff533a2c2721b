using DesaGis.Core;

namespace DesaGis.Data.Features;

/// <summary>One feature as read from PostGIS: its id, property values (in the order asked for) and geometry as GeoJSON text.</summary>
public sealed record FeatureRecord(object Id, object?[] Values, string? GeometryJson, BoundingBox? Bbox = null);
