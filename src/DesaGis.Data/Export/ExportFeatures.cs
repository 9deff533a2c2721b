using DesaGis.Core.Mapping;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace DesaGis.Data.Export;

/// <summary>Conversions shared by the file writers.</summary>
public static class ExportFeatures
{
    /// <summary>Single polygons and lines become their multi form, so a file's layer has one geometry type.</summary>
    public static Geometry Promote(Geometry geometry) => geometry switch
    {
        Polygon p => geometry.Factory.CreateMultiPolygon([p]),
        LineString l when l is not LinearRing => geometry.Factory.CreateMultiLineString([l]),
        _ => geometry,
    };

    /// <summary>A point for the feature: itself for points, else a point guaranteed to lie inside it.</summary>
    public static Point Anchor(Geometry geometry) => geometry as Point ?? geometry.InteriorPoint;

    public static IFeature ToNts(MapFeature feature, Func<string, string>? rename = null)
    {
        var table = new AttributesTable();
        foreach (var (name, value) in feature.Attributes)
            table.Add(rename?.Invoke(name) ?? name, value);
        return new Feature(Promote(feature.Geometry), table);
    }
}
