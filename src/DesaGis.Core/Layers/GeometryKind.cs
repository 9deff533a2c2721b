namespace DesaGis.Core.Layers;

/// <summary>The geometry type a layer holds.</summary>
public enum GeometryKind
{
    Point,
    MultiPolygon,
    MultiLineString,
}
