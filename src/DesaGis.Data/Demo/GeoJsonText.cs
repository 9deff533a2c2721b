using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>
/// Writes GeoJSON text by hand: one feature per line and coordinates with at most five decimals, so files are small,
/// diff well and are byte-identical for equal data (a serializer's number formatting is not promised to be).
/// </summary>
internal static class GeoJsonText
{
    public static void AppendString(StringBuilder sb, string value) => sb.Append(JsonSerializer.Serialize(value));

    public static void AppendNumber(StringBuilder sb, double value) =>
        sb.Append(value.ToString("0.#####", CultureInfo.InvariantCulture));

    /// <summary>Appends a feature; properties are (name, value) with string, int, long or double values.</summary>
    public static void AppendFeature(StringBuilder sb, string id, IEnumerable<(string Name, object? Value)> properties, MultiPolygon geometry)
    {
        sb.Append("{\"type\":\"Feature\",\"id\":");
        AppendString(sb, id);
        sb.Append(",\"properties\":{");
        bool first = true;
        foreach (var (name, value) in properties)
        {
            if (!first) sb.Append(',');
            first = false;
            AppendString(sb, name);
            sb.Append(':');
            switch (value)
            {
                case null: sb.Append("null"); break;
                case string s: AppendString(sb, s); break;
                case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
                case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
                case double d: sb.Append(d.ToString("0.######", CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"Unsupported property type {value.GetType()}", nameof(properties));
            }
        }
        sb.Append("},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int p = 0; p < geometry.NumGeometries; p++)
        {
            if (p > 0) sb.Append(',');
            var polygon = (Polygon)geometry.GetGeometryN(p);
            sb.Append('[');
            AppendRing(sb, polygon.ExteriorRing.Coordinates);
            foreach (var hole in polygon.InteriorRings)
            {
                sb.Append(',');
                AppendRing(sb, hole.Coordinates);
            }
            sb.Append(']');
        }
        sb.Append("]}}");
    }

    private static void AppendRing(StringBuilder sb, Coordinate[] ring)
    {
        sb.Append('[');
        for (int i = 0; i < ring.Length; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append('[');
            AppendNumber(sb, ring[i].X);
            sb.Append(',');
            AppendNumber(sb, ring[i].Y);
            sb.Append(']');
        }
        sb.Append(']');
    }
}
