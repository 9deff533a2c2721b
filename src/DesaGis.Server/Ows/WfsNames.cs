using System.Text;
using System.Xml;
using DesaGis.Core.Layers;

namespace DesaGis.Server.Ows;

/// <summary>The names WFS documents give feature types, features and their properties.</summary>
public static class WfsNames
{
    /// <summary>A type's qualified name: <c>desagis:village_indicators</c>.</summary>
    public static string TypeName(LayerDefinition layer) => OwsXml.Prefix + ":" + layer.Id;

    /// <summary>
    /// A feature's gml:id: <c>village_indicators.63.04.01.2001</c>, which resource-id filters take back. Characters an
    /// XML id cannot hold become '_'.
    /// </summary>
    public static string FeatureId(LayerDefinition layer, object id)
    {
        var text = layer.Id + "." + Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(XmlConvert.IsNCNameChar(c) ? c : '_');
        return sb.ToString();
    }

    /// <summary>The XML Schema type of a property.</summary>
    public static string SchemaType(PropertyType type) => type switch
    {
        PropertyType.Integer => "xsd:int",
        PropertyType.Number => "xsd:double",
        PropertyType.Boolean => "xsd:boolean",
        PropertyType.Date => "xsd:date",
        PropertyType.DateTime => "xsd:dateTime",
        _ => "xsd:string",
    };

    /// <summary>The GML property type of a layer's geometry.</summary>
    public static string GeometryType(LayerDefinition layer) => layer.GeometryKind switch
    {
        GeometryKind.Point => "gml:PointPropertyType",
        GeometryKind.MultiLineString => "gml:MultiCurvePropertyType",
        _ => "gml:MultiSurfacePropertyType",
    };
}
