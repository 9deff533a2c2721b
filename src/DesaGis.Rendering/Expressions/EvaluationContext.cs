using DesaGis.Core.Mapping;

namespace DesaGis.Rendering.Expressions;

/// <summary>What an expression can see: the map zoom and, for data-driven properties, the feature.</summary>
/// <param name="Zoom">The zoom the map is drawn at (MapLibre's, 512-pixel tiles).</param>
/// <param name="Feature">The feature being styled, or null for layer-wide values.</param>
public readonly record struct EvaluationContext(double Zoom, MapFeature? Feature)
{
    /// <summary>MapLibre's geometry type names: Point, LineString or Polygon.</summary>
    public string? GeometryType => Feature?.Geometry switch
    {
        null => null,
        NetTopologySuite.Geometries.IPolygonal => "Polygon",
        NetTopologySuite.Geometries.ILineal => "LineString",
        _ => "Point",
    };
}
