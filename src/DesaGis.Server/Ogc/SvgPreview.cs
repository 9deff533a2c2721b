using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using System.Text.Json;

namespace DesaGis.Server.Ogc;

/// <summary>
/// A small inline SVG map of a page of features, drawn on the server from their geometries: no script, no tiles,
/// nothing fetched from elsewhere.
/// </summary>
public static class SvgPreview
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static Geometry? Parse(string? geoJson)
    {
        if (geoJson is null) return null;
        try { return JsonSerializer.Deserialize<Geometry>(geoJson, GeoJson); }
        catch (JsonException) { return null; }
    }

    public static string Render(IReadOnlyList<(Geometry Geometry, string? Href, string Title)> items, int width = 640, int height = 400)
    {
        var env = new Envelope();
        foreach (var (g, _, _) in items) env.ExpandToInclude(g.EnvelopeInternal);
        if (env.IsNull) return "";
        double w = Math.Max(env.Width, 1e-9), h = Math.Max(env.Height, 1e-9);
        double scale = Math.Min(width / w, height / h) * 0.95;
        double ox = env.MinX - (width / scale - w) / 2, oy = env.MaxY + (height / scale - h) / 2;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Map preview\">");
        foreach (var (g, href, title) in items)
        {
            if (href is not null) sb.Append("<a href=\"").Append(HtmlPage.E(href)).Append("\">");
            sb.Append("<path fill=\"#3a9b7a\" fill-opacity=\".35\" stroke=\"#1f5f4a\" stroke-width=\"1\" fill-rule=\"evenodd\" d=\"");
            AppendPath(sb, g, c => ((c.X - ox) * scale, (oy - c.Y) * scale));
            sb.Append("\"><title>").Append(HtmlPage.E(title)).Append("</title></path>");
            if (href is not null) sb.Append("</a>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void AppendPath(StringBuilder sb, Geometry g, Func<Coordinate, (double X, double Y)> project)
    {
        switch (g)
        {
            case Point p:
                var (px, py) = project(p.Coordinate);
                sb.Append(CultureInfo.InvariantCulture, $"M{px - 3:0.#},{py:0.#}a3,3 0 1,0 6,0a3,3 0 1,0 -6,0");
                break;
            case LineString line:
                Ring(sb, line.Coordinates, project, close: line is LinearRing);
                break;
            case Polygon poly:
                Ring(sb, poly.ExteriorRing.Coordinates, project, close: true);
                foreach (var hole in poly.InteriorRings) Ring(sb, hole.Coordinates, project, close: true);
                break;
            case GeometryCollection collection:
                foreach (var part in collection.Geometries) AppendPath(sb, part, project);
                break;
        }
    }

    private static void Ring(StringBuilder sb, Coordinate[] coords, Func<Coordinate, (double X, double Y)> project, bool close)
    {
        for (int i = 0; i < coords.Length; i++)
        {
            var (x, y) = project(coords[i]);
            sb.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
        }
        if (close) sb.Append('Z');
    }
}
