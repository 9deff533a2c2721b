using System.Globalization;
using System.Xml;
using DesaGis.Core;
using DesaGis.Core.Layers;
using DesaGis.Core.Ogc;
using DesaGis.Core.Tiles;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Ows;

/// <summary>
/// Writes the WMS capabilities document (1.3.0, or 1.1.1 for older clients): the service and its limits, the
/// operations and formats, and one named layer per collection the caller may see, with its bounding boxes, CRSs,
/// styles (with legend URLs) and the scale below which its style draws nothing.
/// </summary>
public static class WmsCapabilitiesWriter
{
    /// <summary>What one layer entry needs.</summary>
    public sealed record LayerEntry(LayerDefinition Layer, BoundingBox? Extent, IReadOnlyList<(WmsStyle Style, int LegendWidth, int LegendHeight)> Styles);

    public static readonly string[] MapFormats = [OgcMediaTypes.Png, OgcMediaTypes.Jpeg];

    public static byte[] Write(WmsVersion version, string serviceUrl, IReadOnlyList<LayerEntry> layers)
    {
        bool v13 = version == WmsVersion.V130;
        string? ns = v13 ? OwsXml.Wms : null;
        string href = serviceUrl + "?";
        var all = layers.Select(l => Box(l.Extent)).ToList();
        var world = all.Count == 0 ? TileJsonFactory.IndonesiaBounds : all.Aggregate((a, b) => a.Union(b));
        return OwsXml.Write(w =>
        {
            if (v13)
            {
                w.WriteStartElement("WMS_Capabilities", ns);
                w.WriteAttributeString("version", "1.3.0");
                w.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
                w.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
                w.WriteAttributeString("xmlns", "sld", null, OwsXml.Sld);
                w.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi,
                    $"{OwsXml.Wms} http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd {OwsXml.Sld} http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
            }
            else
            {
                w.WriteDocType("WMT_MS_Capabilities", null, "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd", null);
                w.WriteStartElement("WMT_MS_Capabilities");
                w.WriteAttributeString("version", "1.1.1");
                w.WriteAttributeString("xmlns", "xlink", null, OwsXml.Xlink);
            }

            w.WriteStartElement("Service", ns);
            w.WriteElementString("Name", ns, v13 ? "WMS" : "OGC:WMS");
            w.WriteElementString("Title", ns, "DesaGis — peta desa / village maps");
            w.WriteElementString("Abstract", ns,
                "Desa/kelurahan, kecamatan, kabupaten, kawasan transmigrasi, program mitra dan indikator kemiskinan (BPS, IDM Kemendesa), " +
                "digambar dengan gaya yang sama dengan penampil web dan peta cetak DesaGis. Villages, districts, regencies, transmigration areas, " +
                "partner programmes and poverty indicators, drawn with the same style as the DesaGis web viewer and printed maps.");
            w.WriteStartElement("KeywordList", ns);
            foreach (var k in new[] { "desa", "kelurahan", "kemiskinan", "IDM", "transmigrasi", "Indonesia", "village", "poverty" })
                w.WriteElementString("Keyword", ns, k);
            w.WriteEndElement();
            OnlineResource(w, ns, serviceUrl);
            w.WriteElementString("Fees", ns, "none");
            w.WriteElementString("AccessConstraints", ns, "none");
            if (v13)
            {
                w.WriteElementString("LayerLimit", ns, WmsMapRequest.LayerLimit.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("MaxWidth", ns, WmsMapRequest.MaxSize.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("MaxHeight", ns, WmsMapRequest.MaxSize.ToString(CultureInfo.InvariantCulture));
            }
            w.WriteEndElement();

            w.WriteStartElement("Capability", ns);
            w.WriteStartElement("Request", ns);
            Operation(w, ns, "GetCapabilities", [v13 ? OgcMediaTypes.Xml : "application/vnd.ogc.wms_xml"], href);
            Operation(w, ns, "GetMap", MapFormats, href);
            Operation(w, ns, "GetFeatureInfo", WmsFeatureInfoWriter.Formats, href);
            if (v13) Operation(w, OwsXml.Sld, "GetLegendGraphic", [OgcMediaTypes.Png], href, ns);
            w.WriteEndElement();
            w.WriteStartElement("Exception", ns);
            var exceptionFormats = v13 ? new[] { "XML", "INIMAGE", "BLANK" }
                : new[] { "application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank" };
            foreach (var f in exceptionFormats) w.WriteElementString("Format", ns, f);
            w.WriteEndElement();

            // The root layer holds what every layer shares: the CRSs and the box of them all.
            w.WriteStartElement("Layer", ns);
            w.WriteElementString("Title", ns, "DesaGis");
            w.WriteElementString("Abstract", ns, "Semua lapisan publik DesaGis. All public DesaGis layers.");
            foreach (var name in CrsNames(version)) w.WriteElementString(v13 ? "CRS" : "SRS", ns, name);
            BoundingBoxes(w, ns, version, world);
            foreach (var entry in layers) WriteLayer(w, ns, version, entry, href);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    /// <summary>The CRS names a version announces.</summary>
    public static IEnumerable<string> CrsNames(WmsVersion version)
    {
        if (version == WmsVersion.V130) yield return "CRS:84";
        foreach (var code in OgcCrsNames.SupportedCodes) yield return OgcCrsNames.Short(code);
    }

    private static void WriteLayer(XmlWriter w, string? ns, WmsVersion version, LayerEntry entry, string href)
    {
        var layer = entry.Layer;
        w.WriteStartElement("Layer", ns);
        w.WriteAttributeString("queryable", "1");
        w.WriteAttributeString("opaque", "0");
        w.WriteElementString("Name", ns, layer.Id);
        w.WriteElementString("Title", ns, layer.Title);
        w.WriteElementString("Abstract", ns, layer.Description);
        BoundingBoxes(w, ns, version, Box(entry.Extent));
        foreach (var (style, width, height) in entry.Styles)
        {
            w.WriteStartElement("Style", ns);
            w.WriteElementString("Name", ns, style.Name);
            w.WriteElementString("Title", ns, style.Title);
            w.WriteStartElement("LegendURL", ns);
            w.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("height", height.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("Format", ns, OgcMediaTypes.Png);
            OnlineResource(w, ns, href + "SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=" + (version == WmsVersion.V130 ? "1.3.0" : "1.1.1") +
                "&FORMAT=image%2Fpng&LAYER=" + Uri.EscapeDataString(layer.Id) + "&STYLE=" + Uri.EscapeDataString(style.Name));
            w.WriteEndElement();
            w.WriteEndElement();
        }
        // Below the zoom where its tiles or its style begin, a layer draws nothing: clients can hide it there.
        double minZoom = Math.Max(layer.MinZoom, entry.Styles.Count > 0 ? entry.Styles[0].Style.MinZoom : 0);
        if (minZoom > 0)
        {
            double denominator = MapScale.ScaleDenominator(minZoom);
            if (version == WmsVersion.V130)
                w.WriteElementString("MaxScaleDenominator", ns, denominator.ToString("0.##", CultureInfo.InvariantCulture));
            else
            {
                // WMS 1.1.1 states scale as the diagonal ground size of a pixel.
                w.WriteStartElement("ScaleHint");
                w.WriteAttributeString("min", "0");
                w.WriteAttributeString("max", (denominator * MapScale.StandardPixelMetres * Math.Sqrt(2)).ToString("0.###", CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }
        }
        w.WriteEndElement();
    }

    private static BoundingBox Box(BoundingBox? extent)
    {
        var box = extent ?? TileJsonFactory.IndonesiaBounds;
        // A single point still needs an area for clients to zoom to.
        if (box.Width <= 0 || box.Height <= 0) box = box.Expand(0.001);
        return new BoundingBox(Math.Max(box.MinX, -180), Math.Max(box.MinY, -90), Math.Min(box.MaxX, 180), Math.Min(box.MaxY, 90));
    }

    private static void BoundingBoxes(XmlWriter w, string? ns, WmsVersion version, BoundingBox lonLat)
    {
        string D(double v) => Math.Round(v, 6).ToString("R", CultureInfo.InvariantCulture);
        string M(double v) => Math.Round(v, 2).ToString("R", CultureInfo.InvariantCulture);
        var (mx0, my0) = WebMercator.FromLonLat(lonLat.MinX, lonLat.MinY);
        var (mx1, my1) = WebMercator.FromLonLat(lonLat.MaxX, lonLat.MaxY);
        if (version == WmsVersion.V130)
        {
            w.WriteStartElement("EX_GeographicBoundingBox", ns);
            w.WriteElementString("westBoundLongitude", ns, D(lonLat.MinX));
            w.WriteElementString("eastBoundLongitude", ns, D(lonLat.MaxX));
            w.WriteElementString("southBoundLatitude", ns, D(lonLat.MinY));
            w.WriteElementString("northBoundLatitude", ns, D(lonLat.MaxY));
            w.WriteEndElement();
            Bbox(w, ns, "CRS", "CRS:84", D(lonLat.MinX), D(lonLat.MinY), D(lonLat.MaxX), D(lonLat.MaxY));
            // EPSG:4326 in WMS 1.3.0 is latitude first.
            Bbox(w, ns, "CRS", "EPSG:4326", D(lonLat.MinY), D(lonLat.MinX), D(lonLat.MaxY), D(lonLat.MaxX));
            Bbox(w, ns, "CRS", "EPSG:3857", M(mx0), M(my0), M(mx1), M(my1));
        }
        else
        {
            w.WriteStartElement("LatLonBoundingBox");
            w.WriteAttributeString("minx", D(lonLat.MinX));
            w.WriteAttributeString("miny", D(lonLat.MinY));
            w.WriteAttributeString("maxx", D(lonLat.MaxX));
            w.WriteAttributeString("maxy", D(lonLat.MaxY));
            w.WriteEndElement();
            Bbox(w, ns, "SRS", "EPSG:4326", D(lonLat.MinX), D(lonLat.MinY), D(lonLat.MaxX), D(lonLat.MaxY));
            Bbox(w, ns, "SRS", "EPSG:3857", M(mx0), M(my0), M(mx1), M(my1));
        }
    }

    private static void Bbox(XmlWriter w, string? ns, string crsAttribute, string crs, string minx, string miny, string maxx, string maxy)
    {
        w.WriteStartElement("BoundingBox", ns);
        w.WriteAttributeString(crsAttribute, crs);
        w.WriteAttributeString("minx", minx);
        w.WriteAttributeString("miny", miny);
        w.WriteAttributeString("maxx", maxx);
        w.WriteAttributeString("maxy", maxy);
        w.WriteEndElement();
    }

    private static void Operation(XmlWriter w, string? ns, string name, IEnumerable<string> formats, string href, string? childNs = null)
    {
        var inner = childNs ?? ns;
        w.WriteStartElement(name, ns);
        foreach (var f in formats) w.WriteElementString("Format", inner, f);
        w.WriteStartElement("DCPType", inner);
        w.WriteStartElement("HTTP", inner);
        w.WriteStartElement("Get", inner);
        OnlineResource(w, inner, href);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void OnlineResource(XmlWriter w, string? ns, string href)
    {
        w.WriteStartElement("OnlineResource", ns);
        w.WriteAttributeString("xlink", "type", OwsXml.Xlink, "simple");
        w.WriteAttributeString("xlink", "href", OwsXml.Xlink, href);
        w.WriteEndElement();
    }
}
