using NetTopologySuite.Geometries;

namespace DesaGis.Core.Cql2;

/// <summary>A geometry literal (WKT, GeoJSON or BBOX), in the coordinates of the request's filter-crs.</summary>
public sealed record CqlGeometry(Geometry Geometry) : CqlOperand
{
    public override string ToString() => Geometry.AsText();
}
