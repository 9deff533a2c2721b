using System.Globalization;
using System.Xml;
using DesaGis.Core;
using DesaGis.Core.Fes;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;
using DesaGis.Core.Ogc;
using DesaGis.Core.Tiles;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Ows;

/// <summary>
/// Writes the WFS capabilities document: WFS 2.0.0 (OWS 1.1, FES 2.0) or 1.1.0 (OWS 1.0, Filter 1.1). It declares the
/// simple profile honestly — ad hoc queries, paging with a default count, hits, sorting, the stored query
/// GetFeatureById, standard and spatial filters, no transactions or locks — and lists every feature type the caller
/// may see with its CRSs, output formats and WGS 84 box.
/// </summary>
public static class WfsCapabilitiesWriter
{
    public static byte[] Write(WfsVersion version, string serviceUrl, IReadOnlyList<(LayerDefinition Layer, BoundingBox? Extent)> layers)
    {
        bool v2 = version == WfsVersion.V200;
        string wfs = v2 ? OwsXml.Wfs20 : OwsXml.Wfs11;
        string ows = v2 ? OwsXml.Ows11 : OwsXml.Ows10;
        string fes = v2 ? OwsXml.Fes20 : OwsXml.Ogc;
        string fesPrefix = v2 ? "fes" : "ogc";
        string href = serviceUrl + "?";
        return OwsXml.Write(w =>
        {
            w.WriteStartElement("wfs", "WFS_Capabilities", wfs);
            w.WriteAttributeString("version", v2 ? "2.0.0" : "1.1.0");
            w.WriteAttributeString("xmlns", "ows", null, ows);
            w.WriteAttributeString("xmlns", fesPrefix, null, fes);
            w.WriteAttributeString("xmlns", "gml", null, v2 ? OwsXml.Gml32 : OwsXml.Gml31);
            w.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
            w.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
            w.WriteAttributeString("xmlns", OwsXml.Prefix, null, OwsXml.DesaGisNamespace);
            w.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, v2
                ? $"{OwsXml.Wfs20} http://schemas.opengis.net/wfs/2.0/wfs.xsd"
                : $"{OwsXml.Wfs11} http://schemas.opengis.net/wfs/1.1.0/wfs.xsd");

            w.WriteStartElement("ows", "ServiceIdentification", ows);
            w.WriteElementString("ows", "Title", ows, "DesaGis — data desa / village data");
            w.WriteElementString("ows", "Abstract", ows,
                "Desa/kelurahan, kecamatan, kabupaten, kawasan transmigrasi, program mitra dan indikator kemiskinan (BPS, IDM Kemendesa) sebagai objek. " +
                "Villages, districts, regencies, transmigration areas, partner programmes and poverty indicators as features.");
            w.WriteStartElement("ows", "Keywords", ows);
            foreach (var k in new[] { "desa", "kemiskinan", "IDM", "transmigrasi", "Indonesia", "village", "poverty" })
                w.WriteElementString("ows", "Keyword", ows, k);
            w.WriteEndElement();
            w.WriteElementString("ows", "ServiceType", ows, "WFS");
            w.WriteElementString("ows", "ServiceTypeVersion", ows, "2.0.0");
            w.WriteElementString("ows", "ServiceTypeVersion", ows, "1.1.0");
            w.WriteElementString("ows", "Fees", ows, "NONE");
            w.WriteElementString("ows", "AccessConstraints", ows, "NONE");
            w.WriteEndElement();

            w.WriteStartElement("ows", "ServiceProvider", ows);
            w.WriteElementString("ows", "ProviderName", ows, "DesaGis");
            w.WriteStartElement("ows", "ServiceContact", ows);
            w.WriteElementString("ows", "IndividualName", ows, "DesaGis");
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("ows", "OperationsMetadata", ows);
            Operation(w, ows, href, "GetCapabilities", [("AcceptVersions", ["2.0.0", "1.1.0"]), ("AcceptFormats", [OgcMediaTypes.Xml])]);
            Operation(w, ows, href, "DescribeFeatureType", [("outputFormat", [v2 ? WfsOutputFormats.Gml32MediaType : WfsOutputFormats.Gml31MediaType])]);
            Operation(w, ows, href, "GetFeature", [("outputFormat", WfsOutputFormats.Announced(version).ToArray()), ("resultType", ["results", "hits"])]);
            if (v2)
            {
                Operation(w, ows, href, "ListStoredQueries", []);
                Operation(w, ows, href, "DescribeStoredQueries", []);
            }
            Parameter(w, ows, "version", v2 ? ["2.0.0", "1.1.0"] : ["1.1.0", "2.0.0"]);
            if (v2)
            {
                foreach (var (name, value) in new[]
                {
                    ("ImplementsBasicWFS", "FALSE"), ("ImplementsTransactionalWFS", "FALSE"), ("ImplementsLockingWFS", "FALSE"),
                    ("KVPEncoding", "TRUE"), ("XMLEncoding", "FALSE"), ("SOAPEncoding", "FALSE"), ("ImplementsInheritance", "FALSE"),
                    ("ImplementsRemoteResolve", "FALSE"), ("ImplementsResultPaging", "TRUE"), ("ImplementsStandardJoins", "FALSE"),
                    ("ImplementsSpatialJoins", "FALSE"), ("ImplementsTemporalJoins", "FALSE"), ("ImplementsFeatureVersioning", "FALSE"),
                    ("ManageStoredQueries", "FALSE"),
                })
                    Constraint(w, ows, name, value);
                Constraint(w, ows, "CountDefault", FeatureLimits.Maximum.ToString(CultureInfo.InvariantCulture));
                w.WriteStartElement("ows", "Constraint", ows);
                w.WriteAttributeString("name", "QueryExpressions");
                w.WriteStartElement("ows", "AllowedValues", ows);
                w.WriteElementString("ows", "Value", ows, "wfs:Query");
                w.WriteElementString("ows", "Value", ows, "wfs:StoredQuery");
                w.WriteEndElement();
                w.WriteEndElement();
            }
            else
            {
                w.WriteStartElement("ows", "Constraint", ows);
                w.WriteAttributeString("name", "DefaultMaxFeatures");
                w.WriteElementString("ows", "Value", ows, FeatureLimits.Maximum.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("wfs", "FeatureTypeList", wfs);
            if (!v2)
            {
                w.WriteStartElement("wfs", "Operations", wfs);
                w.WriteElementString("wfs", "Operation", wfs, "Query");
                w.WriteEndElement();
            }
            foreach (var (layer, extent) in layers)
            {
                w.WriteStartElement("wfs", "FeatureType", wfs);
                w.WriteElementString("wfs", "Name", wfs, WfsNames.TypeName(layer));
                w.WriteElementString("wfs", "Title", wfs, layer.Title);
                w.WriteElementString("wfs", "Abstract", wfs, layer.Description);
                w.WriteElementString("wfs", v2 ? "DefaultCRS" : "DefaultSRS", wfs, OgcCrsNames.Urn(4326));
                foreach (var code in OgcCrsNames.SupportedCodes.Where(c => c != 4326))
                    w.WriteElementString("wfs", v2 ? "OtherCRS" : "OtherSRS", wfs, OgcCrsNames.Urn(code));
                w.WriteStartElement("wfs", "OutputFormats", wfs);
                foreach (var f in WfsOutputFormats.Announced(version)) w.WriteElementString("wfs", "Format", wfs, f);
                w.WriteEndElement();
                var box = extent ?? TileJsonFactory.IndonesiaBounds;
                if (box.Width <= 0 || box.Height <= 0) box = box.Expand(0.001);
                w.WriteStartElement("ows", "WGS84BoundingBox", ows);
                w.WriteElementString("ows", "LowerCorner", ows, string.Create(CultureInfo.InvariantCulture, $"{Math.Round(box.MinX, 6):R} {Math.Round(box.MinY, 6):R}"));
                w.WriteElementString("ows", "UpperCorner", ows, string.Create(CultureInfo.InvariantCulture, $"{Math.Round(box.MaxX, 6):R} {Math.Round(box.MaxY, 6):R}"));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();

            FilterCapabilities(w, v2, fes, fesPrefix, ows);
            w.WriteEndElement();
        });
    }

    private static void FilterCapabilities(XmlWriter w, bool v2, string fes, string p, string ows)
    {
        w.WriteStartElement(p, "Filter_Capabilities", fes);
        if (v2)
        {
            w.WriteStartElement(p, "Conformance", fes);
            foreach (var (name, value) in new[]
            {
                ("ImplementsQuery", "TRUE"), ("ImplementsAdHocQuery", "TRUE"), ("ImplementsFunctions", "FALSE"), ("ImplementsResourceId", "TRUE"),
                ("ImplementsMinStandardFilter", "TRUE"), ("ImplementsStandardFilter", "TRUE"), ("ImplementsMinSpatialFilter", "TRUE"),
                ("ImplementsSpatialFilter", "TRUE"), ("ImplementsMinTemporalFilter", "FALSE"), ("ImplementsTemporalFilter", "FALSE"),
                ("ImplementsVersionNav", "FALSE"), ("ImplementsSorting", "TRUE"), ("ImplementsExtendedOperators", "FALSE"),
                ("ImplementsMinimumXPath", "FALSE"), ("ImplementsSchemaElementFunc", "FALSE"),
            })
            {
                w.WriteStartElement(p, "Constraint", fes);
                w.WriteAttributeString("name", name);
                w.WriteElementString("ows", "NoValues", ows, null);
                w.WriteElementString("ows", "DefaultValue", ows, value);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteStartElement(p, "Id_Capabilities", fes);
            w.WriteStartElement(p, "ResourceIdentifier", fes);
            w.WriteAttributeString("name", "fes:ResourceId");
            w.WriteEndElement();
            w.WriteEndElement();
        }
        else
        {
            SpatialCapabilities(w, p, fes, v2);
        }
        w.WriteStartElement(p, "Scalar_Capabilities", fes);
        w.WriteElementString(p, "LogicalOperators", fes, null);
        w.WriteStartElement(p, "ComparisonOperators", fes);
        foreach (var op in FesFilterParser.ComparisonOperatorNames.Where(o => v2 || o != "PropertyIsNil"))
        {
            w.WriteStartElement(p, "ComparisonOperator", fes);
            if (v2) w.WriteAttributeString("name", op);
            // Filter 1.1 names the operators without "PropertyIs" and calls PropertyIsNull NullCheck.
            else w.WriteString(op switch
            {
                "PropertyIsNull" => "NullCheck",
                "PropertyIsLessThanOrEqualTo" => "LessThanEqualTo",
                "PropertyIsGreaterThanOrEqualTo" => "GreaterThanEqualTo",
                _ => op["PropertyIs".Length..],
            });
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        if (v2)
        {
            SpatialCapabilities(w, p, fes, v2);
        }
        else
        {
            w.WriteStartElement(p, "Id_Capabilities", fes);
            w.WriteElementString(p, "EID", fes, null);
            w.WriteElementString(p, "FID", fes, null);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    // Filter 1.1 lists them before the scalar capabilities, FES 2.0 after.
    private static void SpatialCapabilities(XmlWriter w, string p, string fes, bool v2)
    {
        w.WriteStartElement(p, "Spatial_Capabilities", fes);
        GeometryOperands(w, p, fes, v2);
        w.WriteStartElement(p, "SpatialOperators", fes);
        foreach (var op in FesFilterParser.SpatialOperatorNames)
        {
            w.WriteStartElement(p, "SpatialOperator", fes);
            w.WriteAttributeString("name", op);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void GeometryOperands(XmlWriter w, string p, string fes, bool v2)
    {
        w.WriteStartElement(p, "GeometryOperands", fes);
        foreach (var g in new[] { "gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon", "gml:MultiPoint", "gml:MultiCurve", "gml:MultiSurface" })
        {
            w.WriteStartElement(p, "GeometryOperand", fes);
            if (v2) w.WriteAttributeString("name", g); else w.WriteString(g);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Operation(XmlWriter w, string ows, string href, string name, IEnumerable<(string Name, string[] Values)> parameters)
    {
        w.WriteStartElement("ows", "Operation", ows);
        w.WriteAttributeString("name", name);
        w.WriteStartElement("ows", "DCP", ows);
        w.WriteStartElement("ows", "HTTP", ows);
        w.WriteStartElement("ows", "Get", ows);
        w.WriteAttributeString("xlink", "type", OwsXml.Xlink, "simple");
        w.WriteAttributeString("xlink", "href", OwsXml.Xlink, href);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        foreach (var (parameter, values) in parameters) Parameter(w, ows, parameter, values);
        w.WriteEndElement();
    }

    private static void Parameter(XmlWriter w, string ows, string name, string[] values)
    {
        w.WriteStartElement("ows", "Parameter", ows);
        w.WriteAttributeString("name", name);
        bool v2 = ows == OwsXml.Ows11;
        if (v2) w.WriteStartElement("ows", "AllowedValues", ows);
        foreach (var v in values) w.WriteElementString("ows", "Value", ows, v);
        if (v2) w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Constraint(XmlWriter w, string ows, string name, string value)
    {
        w.WriteStartElement("ows", "Constraint", ows);
        w.WriteAttributeString("name", name);
        w.WriteElementString("ows", "NoValues", ows, null);
        w.WriteElementString("ows", "DefaultValue", ows, value);
        w.WriteEndElement();
    }
}
