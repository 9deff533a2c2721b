using System.Text;
using System.Text.Json;
using System.Xml;
using DesaGis.Core.Layers;

namespace DesaGis.Server.Ows;

/// <summary>
/// Writes a geometry given as GeoJSON text (as PostGIS returns it, already in the output CRS and axis order) as GML 3.2
/// or 3.1.1: Point, LineString, Polygon, and MultiSurface, MultiCurve and MultiPoint for the Multi- kinds. A polygon
/// of a multi-polygon layer is written as a one-member MultiSurface, so every feature matches its schema. Coordinates
/// are copied as PostGIS wrote them, never reformatted.
/// </summary>
public sealed class GmlGeometryWriter(XmlWriter w, string gmlNamespace, bool gml32)
{
    private int _ids;
    private string _idBase = "g";

    /// <summary>Writes the geometry with its srsName; ids of its parts derive from <paramref name="idBase"/> (GML 3.2 requires them).</summary>
    public void Write(string geoJson, GeometryKind kind, string srsName, string idBase)
    {
        _ids = 0;
        _idBase = idBase;
        using var doc = JsonDocument.Parse(geoJson);
        var root = doc.RootElement;
        var type = root.GetProperty("type").GetString();
        if (type == "GeometryCollection") throw new InvalidOperationException("Geometry collections are not published.");
        var coordinates = root.GetProperty("coordinates");
        switch (type)
        {
            case "Point":
                Start("Point", srsName);
                Pos(coordinates);
                w.WriteEndElement();
                break;
            case "MultiPoint":
                Start("MultiPoint", srsName);
                foreach (var point in coordinates.EnumerateArray())
                {
                    w.WriteStartElement("gml", "pointMember", gmlNamespace);
                    Start("Point", null);
                    Pos(point);
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                break;
            case "LineString":
                if (kind == GeometryKind.MultiLineString) Multi("MultiCurve", "curveMember", srsName, [coordinates], Line);
                else Line(coordinates, srsName);
                break;
            case "MultiLineString":
                Multi("MultiCurve", "curveMember", srsName, coordinates.EnumerateArray(), Line);
                break;
            case "Polygon":
                if (kind == GeometryKind.MultiPolygon) Multi("MultiSurface", "surfaceMember", srsName, [coordinates], Polygon);
                else Polygon(coordinates, srsName);
                break;
            case "MultiPolygon":
                Multi("MultiSurface", "surfaceMember", srsName, coordinates.EnumerateArray(), Polygon);
                break;
            default:
                throw new InvalidOperationException($"Geometry type {type} is not written as GML.");
        }
    }

    private void Multi(string name, string member, string srsName, IEnumerable<JsonElement> parts, Action<JsonElement, string?> part)
    {
        Start(name, srsName);
        foreach (var p in parts)
        {
            w.WriteStartElement("gml", member, gmlNamespace);
            part(p, null);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private void Line(JsonElement coordinates, string? srsName)
    {
        Start("LineString", srsName);
        PosList(coordinates);
        w.WriteEndElement();
    }

    private void Polygon(JsonElement rings, string? srsName)
    {
        Start("Polygon", srsName);
        bool first = true;
        foreach (var ring in rings.EnumerateArray())
        {
            w.WriteStartElement("gml", first ? "exterior" : "interior", gmlNamespace);
            w.WriteStartElement("gml", "LinearRing", gmlNamespace);
            PosList(ring);
            w.WriteEndElement();
            w.WriteEndElement();
            first = false;
        }
        w.WriteEndElement();
    }

    private void Start(string name, string? srsName)
    {
        w.WriteStartElement("gml", name, gmlNamespace);
        if (gml32) w.WriteAttributeString("gml", "id", gmlNamespace, _idBase + "." + (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (srsName is not null)
        {
            w.WriteAttributeString("srsName", srsName);
            w.WriteAttributeString("srsDimension", "2");
        }
    }

    private void Pos(JsonElement position)
    {
        w.WriteStartElement("gml", "pos", gmlNamespace);
        w.WriteString(Pair(position));
        w.WriteEndElement();
    }

    private void PosList(JsonElement positions)
    {
        w.WriteStartElement("gml", "posList", gmlNamespace);
        var sb = new StringBuilder();
        foreach (var p in positions.EnumerateArray())
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Pair(p));
        }
        w.WriteString(sb.ToString());
        w.WriteEndElement();
    }

    private static string Pair(JsonElement position) => position[0].GetRawText() + " " + position[1].GetRawText();
}
