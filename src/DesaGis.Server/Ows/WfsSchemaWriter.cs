using DesaGis.Core.Cql2;
using DesaGis.Core.Layers;

namespace DesaGis.Server.Ows;

/// <summary>
/// Writes DescribeFeatureType: an XML Schema with one GML feature type per layer, its properties typed from the
/// catalog (text, integer, double, boolean) and its geometry last, named <c>geometry</c> as in filters. Every
/// property may be absent or nil: a missing figure is left out, never written as zero.
/// </summary>
public static class WfsSchemaWriter
{
    public static byte[] Write(WfsVersion version, IEnumerable<LayerDefinition> layers)
    {
        bool v2 = version == WfsVersion.V200;
        string gml = v2 ? OwsXml.Gml32 : OwsXml.Gml31;
        return OwsXml.Write(w =>
        {
            w.WriteStartElement("xsd", "schema", OwsXml.Xsd);
            w.WriteAttributeString("xmlns", "gml", null, gml);
            w.WriteAttributeString("xmlns", OwsXml.Prefix, null, OwsXml.DesaGisNamespace);
            w.WriteAttributeString("targetNamespace", OwsXml.DesaGisNamespace);
            w.WriteAttributeString("elementFormDefault", "qualified");
            w.WriteAttributeString("version", v2 ? "2.0.0" : "1.1.0");
            w.WriteStartElement("xsd", "import", OwsXml.Xsd);
            w.WriteAttributeString("namespace", gml);
            w.WriteAttributeString("schemaLocation", v2 ? "http://schemas.opengis.net/gml/3.2.1/gml.xsd" : "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd");
            w.WriteEndElement();
            foreach (var layer in layers)
            {
                w.WriteStartElement("xsd", "complexType", OwsXml.Xsd);
                w.WriteAttributeString("name", layer.Id + "Type");
                w.WriteStartElement("xsd", "complexContent", OwsXml.Xsd);
                w.WriteStartElement("xsd", "extension", OwsXml.Xsd);
                w.WriteAttributeString("base", "gml:AbstractFeatureType");
                w.WriteStartElement("xsd", "sequence", OwsXml.Xsd);
                foreach (var p in layer.Properties) Element(w, p.Name, WfsNames.SchemaType(p.Type));
                Element(w, CqlValidator.GeometryProperty, WfsNames.GeometryType(layer));
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement("xsd", "element", OwsXml.Xsd);
                w.WriteAttributeString("name", layer.Id);
                w.WriteAttributeString("type", OwsXml.Prefix + ":" + layer.Id + "Type");
                w.WriteAttributeString("substitutionGroup", v2 ? "gml:AbstractFeature" : "gml:_Feature");
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    private static void Element(System.Xml.XmlWriter w, string name, string type)
    {
        w.WriteStartElement("xsd", "element", OwsXml.Xsd);
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("minOccurs", "0");
        w.WriteAttributeString("maxOccurs", "1");
        w.WriteAttributeString("nillable", "true");
        w.WriteEndElement();
    }
}
