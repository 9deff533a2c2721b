using System.Globalization;
using System.Text.Json;
using System.Xml;
using DesaGis.Core.Layers;
using DesaGis.Data.Features;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Ows;

/// <summary>
/// Streams a GetFeature answer as the rows arrive from PostGIS: a GML 3.2 (WFS 2.0) or GML 3.1.1 (WFS 1.1.0)
/// FeatureCollection, or GeoJSON. Memory stays bounded whatever the page size: the document is written into a small
/// buffer that is sent whenever it fills.
/// </summary>
public static class WfsFeatureWriter
{
    private const int FlushThreshold = 64 * 1024;

    /// <summary>What is written around the features.</summary>
    /// <param name="Version">The WFS version.</param>
    /// <param name="Layer">The feature type.</param>
    /// <param name="Properties">The properties written, in order (the query's selection).</param>
    /// <param name="IncludeGeometry">Whether geometries are written.</param>
    /// <param name="SrsName">The srsName of GML geometries.</param>
    /// <param name="NumberMatched">How many features match the query.</param>
    /// <param name="SchemaUrl">DescribeFeatureType of the type (schemaLocation).</param>
    /// <param name="NextUrl">The next page, when there is one (WFS 2.0 next).</param>
    /// <param name="PageSize">How many features this page holds (matched minus skipped, at most the count asked for).</param>
    public sealed record Envelope(WfsVersion Version, LayerDefinition Layer, IReadOnlyList<LayerProperty> Properties, bool IncludeGeometry,
        string SrsName, long NumberMatched, string SchemaUrl, string? NextUrl, int PageSize);

    /// <summary>The answer to RESULTTYPE=hits: an empty collection with the count.</summary>
    public static byte[] Hits(WfsVersion version, long matched) => OwsXml.Write(w =>
    {
        StartCollection(w, version, matched, 0, schemaLocation: null, next: null);
        w.WriteEndElement();
    });

    /// <summary>Writes a GML feature collection (or, for GetFeatureById, the one feature bare).</summary>
    public static async Task<int> WriteGmlAsync(HttpContext http, Envelope envelope, IAsyncEnumerator<FeatureRecord> rows, bool any, bool single)
    {
        var response = http.Response;
        var ct = http.RequestAborted;
        bool v2 = envelope.Version == WfsVersion.V200;
        string gml = v2 ? OwsXml.Gml32 : OwsXml.Gml31;
        string wfs = v2 ? OwsXml.Wfs20 : OwsXml.Wfs11;
        using var buffer = new MemoryStream();
        int returned = 0;
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings
        {
            Encoding = new System.Text.UTF8Encoding(false),
            NamespaceHandling = NamespaceHandling.OmitDuplicates,
            CheckCharacters = false,
        }))
        {
            var geometry = new GmlGeometryWriter(w, gml, v2);
            w.WriteStartDocument();
            if (!single)
            {
                StartCollection(w, envelope.Version, envelope.NumberMatched, envelope.PageSize,
                    $"{OwsXml.DesaGisNamespace} {envelope.SchemaUrl} " + (v2
                        ? $"{OwsXml.Wfs20} http://schemas.opengis.net/wfs/2.0/wfs.xsd {OwsXml.Gml32} http://schemas.opengis.net/gml/3.2.1/gml.xsd"
                        : $"{OwsXml.Wfs11} http://schemas.opengis.net/wfs/1.1.0/wfs.xsd"),
                    envelope.NextUrl);
            }
            while (any)
            {
                var record = rows.Current;
                if (!single) w.WriteStartElement("wfs", v2 ? "member" : "featureMember", v2 ? wfs : gml);
                WriteFeature(w, geometry, envelope, record, gml, single);
                if (!single) w.WriteEndElement();
                returned++;
                w.Flush();
                if (buffer.Length > FlushThreshold)
                {
                    await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
                    buffer.SetLength(0);
                }
                any = await rows.MoveNextAsync();
                if (single) break;
            }
            if (!single) w.WriteEndElement();
            w.WriteEndDocument();
        }
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        return returned;
    }

    // WFS 1.1.0 has no separate count of matches: numberOfFeatures is the page's size, or the number matched for hits.
    private static void StartCollection(XmlWriter w, WfsVersion version, long matched, int returned, string? schemaLocation, string? next)
    {
        bool v2 = version == WfsVersion.V200;
        string wfs = v2 ? OwsXml.Wfs20 : OwsXml.Wfs11;
        w.WriteStartElement("wfs", "FeatureCollection", wfs);
        w.WriteAttributeString("xmlns", "gml", null, v2 ? OwsXml.Gml32 : OwsXml.Gml31);
        w.WriteAttributeString("xmlns", OwsXml.Prefix, null, OwsXml.DesaGisNamespace);
        w.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
        if (schemaLocation is not null) w.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, schemaLocation);
        var timeStamp = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (v2)
        {
            w.WriteAttributeString("timeStamp", timeStamp);
            w.WriteAttributeString("numberMatched", matched.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("numberReturned", returned.ToString(CultureInfo.InvariantCulture));
            if (next is not null) w.WriteAttributeString("next", next);
        }
        else
        {
            w.WriteAttributeString("timeStamp", timeStamp);
            w.WriteAttributeString("numberOfFeatures", (returned == 0 ? matched : returned).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteFeature(XmlWriter w, GmlGeometryWriter geometry, Envelope envelope, FeatureRecord record, string gml, bool root)
    {
        var layer = envelope.Layer;
        var id = WfsNames.FeatureId(layer, record.Id);
        w.WriteStartElement(OwsXml.Prefix, layer.Id, OwsXml.DesaGisNamespace);
        if (root)
        {
            w.WriteAttributeString("xmlns", "gml", null, gml);
            w.WriteAttributeString("xmlns", OwsXml.Prefix, null, OwsXml.DesaGisNamespace);
        }
        w.WriteAttributeString("gml", "id", gml, id);
        for (int i = 0; i < envelope.Properties.Count; i++)
        {
            var value = record.Values[i];
            if (value is null) continue;
            w.WriteStartElement(OwsXml.Prefix, envelope.Properties[i].Name, OwsXml.DesaGisNamespace);
            w.WriteString(Text(value));
            w.WriteEndElement();
        }
        if (envelope.IncludeGeometry && record.GeometryJson is { } geoJson)
        {
            w.WriteStartElement(OwsXml.Prefix, Core.Cql2.CqlValidator.GeometryProperty, OwsXml.DesaGisNamespace);
            geometry.Write(geoJson, layer.GeometryKind, envelope.SrsName, id + ".geom");
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static string Text(object value) => value switch
    {
        string s => OwsXml.Clean(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => OwsXml.Clean(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>Writes the page as a GeoJSON FeatureCollection with numberMatched and numberReturned.</summary>
    public static async Task<int> WriteGeoJsonAsync(HttpContext http, Envelope envelope, IAsyncEnumerator<FeatureRecord> rows, bool any)
    {
        var response = http.Response;
        var ct = http.RequestAborted;
        var names = GeoJsonFeatureWriter.Names(envelope.Properties);
        await using var w = new Utf8JsonWriter(response.BodyWriter, OgcResponses.WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteNumber("numberMatched", envelope.NumberMatched);
        w.WriteString("timeStamp", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        if (envelope.NextUrl is not null)
        {
            w.WriteStartArray("links");
            w.WriteStartObject();
            w.WriteString("href", envelope.NextUrl);
            w.WriteString("rel", "next");
            w.WriteString("type", OgcMediaTypes.Json);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        int returned = await GeoJsonFeatureWriter.WriteFeaturesAsync(w, response.BodyWriter, rows, any, names, FlushThreshold,
            envelope.IncludeGeometry ? null : record => record with { GeometryJson = null }, ct);
        w.WriteNumber("numberReturned", returned);
        w.WriteEndObject();
        await w.FlushAsync(ct);
        return returned;
    }
}
