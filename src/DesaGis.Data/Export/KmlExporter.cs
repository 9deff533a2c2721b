using System.Globalization;
using System.Text;
using System.Xml;
using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using NetTopologySuite.Geometries;

namespace DesaGis.Data.Export;

/// <summary>
/// Writes KML 2.2 for Google Earth: features styled by poverty class (the colours of the printed map) when the layer
/// has <c>poverty_rate</c>, else in one outline style; every property in ExtendedData.
/// </summary>
public static class KmlExporter
{
    private const string Ns = "http://www.opengis.net/kml/2.2";

    public static async Task WriteAsync(LayerDefinition layer, FeatureSet features, string title, Stream output, CancellationToken cancellationToken)
    {
        bool byPoverty = layer.FindProperty("poverty_rate") is not null;
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "kml", Ns);
        await xml.WriteStartElementAsync(null, "Document", Ns);
        await xml.WriteElementStringAsync(null, "name", Ns, title);
        if (byPoverty)
            foreach (var c in PovertyClass.All) await WriteStyleAsync(xml, c.Key, c.Color, 0.75);
        else
            await WriteStyleAsync(xml, "default", "#3182bd", 0.3);
        await xml.WriteStartElementAsync(null, "Folder", Ns);
        await xml.WriteElementStringAsync(null, "name", Ns, layer.Title);
        foreach (var f in features.Features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "Placemark", Ns);
            if (f.Id is not null) await xml.WriteAttributeStringAsync(null, "id", null, "f-" + f.Id);
            await xml.WriteElementStringAsync(null, "name", Ns, NameOf(f));
            var style = byPoverty ? PovertyClass.Of(f["poverty_rate"] as double?).Key : "default";
            await xml.WriteElementStringAsync(null, "styleUrl", Ns, "#" + style);
            await xml.WriteStartElementAsync(null, "ExtendedData", Ns);
            foreach (var p in layer.Properties)
            {
                await xml.WriteStartElementAsync(null, "Data", Ns);
                await xml.WriteAttributeStringAsync(null, "name", null, p.Name);
                await xml.WriteElementStringAsync(null, "value", Ns, Format(f[p.Name]));
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
            await WriteGeometryAsync(xml, ExportFeatures.Promote(f.Geometry));
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    /// <summary>The display name of a feature: its <c>nama</c> (or programme/village name), else its id.</summary>
    public static string NameOf(MapFeature f) =>
        f["nama"] as string ?? f["desa_nama"] as string ?? f["program_nama"] as string ?? f.Id ?? "";

    /// <summary>KML colours are aabbggrr.</summary>
    public static string KmlColor(string hex, double opacity)
    {
        var h = hex.TrimStart('#');
        var a = (int)Math.Round(Math.Clamp(opacity, 0, 1) * 255);
        return $"{a:x2}{h[4..6]}{h[2..4]}{h[0..2]}";
    }

    private static async Task WriteStyleAsync(XmlWriter xml, string id, string hex, double fillOpacity)
    {
        await xml.WriteStartElementAsync(null, "Style", Ns);
        await xml.WriteAttributeStringAsync(null, "id", null, id);
        await xml.WriteStartElementAsync(null, "LineStyle", Ns);
        await xml.WriteElementStringAsync(null, "color", Ns, "ff555555");
        await xml.WriteElementStringAsync(null, "width", Ns, "1");
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "PolyStyle", Ns);
        await xml.WriteElementStringAsync(null, "color", Ns, KmlColor(hex, fillOpacity));
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "IconStyle", Ns);
        await xml.WriteElementStringAsync(null, "color", Ns, KmlColor(hex, 1));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task WriteGeometryAsync(XmlWriter xml, Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                await xml.WriteStartElementAsync(null, "Point", Ns);
                await xml.WriteElementStringAsync(null, "coordinates", Ns, Coords(p.CoordinateSequence));
                await xml.WriteEndElementAsync();
                break;
            case LineString l:
                await xml.WriteStartElementAsync(null, "LineString", Ns);
                await xml.WriteElementStringAsync(null, "coordinates", Ns, Coords(l.CoordinateSequence));
                await xml.WriteEndElementAsync();
                break;
            case Polygon poly:
                await xml.WriteStartElementAsync(null, "Polygon", Ns);
                await WriteRingAsync(xml, "outerBoundaryIs", poly.ExteriorRing);
                foreach (var hole in poly.InteriorRings) await WriteRingAsync(xml, "innerBoundaryIs", hole);
                await xml.WriteEndElementAsync();
                break;
            case GeometryCollection collection:
                await xml.WriteStartElementAsync(null, "MultiGeometry", Ns);
                foreach (var part in collection.Geometries) await WriteGeometryAsync(xml, part);
                await xml.WriteEndElementAsync();
                break;
        }
    }

    private static async Task WriteRingAsync(XmlWriter xml, string element, LineString ring)
    {
        await xml.WriteStartElementAsync(null, element, Ns);
        await xml.WriteStartElementAsync(null, "LinearRing", Ns);
        await xml.WriteElementStringAsync(null, "coordinates", Ns, Coords(ring.CoordinateSequence));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static string Coords(CoordinateSequence seq)
    {
        var sb = new StringBuilder(seq.Count * 24);
        for (int i = 0; i < seq.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(seq.GetX(i).ToString("0.#######", CultureInfo.InvariantCulture)).Append(',')
              .Append(seq.GetY(i).ToString("0.#######", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
