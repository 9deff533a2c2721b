using System.Text.Json;
using NetTopologySuite.Geometries;

namespace DesaGis.Core.Cql2;

/// <summary>Reads a GeoJSON geometry object (RFC 7946) into an NTS geometry, for CQL2 JSON spatial literals.</summary>
public static class GeoJsonGeometryReader
{
    private static readonly GeometryFactory Factory = new();

    public static Geometry Read(JsonElement e)
    {
        var type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        try
        {
            return type switch
            {
                "Point" => Factory.CreatePoint(Position(Coordinates(e))),
                "MultiPoint" => Factory.CreateMultiPoint(Coordinates(e).EnumerateArray().Select(p => Factory.CreatePoint(Position(p))).ToArray()),
                "LineString" => Factory.CreateLineString(Positions(Coordinates(e))),
                "MultiLineString" => Factory.CreateMultiLineString(Coordinates(e).EnumerateArray().Select(l => Factory.CreateLineString(Positions(l))).ToArray()),
                "Polygon" => Polygon(Coordinates(e)),
                "MultiPolygon" => Factory.CreateMultiPolygon(Coordinates(e).EnumerateArray().Select(Polygon).ToArray()),
                "GeometryCollection" when e.TryGetProperty("geometries", out var g) && g.ValueKind == JsonValueKind.Array =>
                    Factory.CreateGeometryCollection(g.EnumerateArray().Select(Read).ToArray()),
                _ => throw new CqlException($"\"{type}\" is not a GeoJSON geometry type (Point, LineString, Polygon, their Multi… forms or GeometryCollection)."),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new CqlException($"The GeoJSON {type} literal is malformed ({ex.Message}).");
        }
    }

    private static JsonElement Coordinates(JsonElement e) =>
        e.TryGetProperty("coordinates", out var c) && c.ValueKind == JsonValueKind.Array
            ? c
            : throw new CqlException("A GeoJSON geometry needs a \"coordinates\" array.");

    private static Coordinate Position(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2 ||
            p[0].ValueKind != JsonValueKind.Number || p[1].ValueKind != JsonValueKind.Number)
            throw new CqlException("A GeoJSON position is an array of two or three numbers.");
        return new Coordinate(p[0].GetDouble(), p[1].GetDouble());
    }

    private static Coordinate[] Positions(JsonElement a) =>
        a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(Position).ToArray()
            : throw new CqlException("Expected an array of GeoJSON positions.");

    private static Polygon Polygon(JsonElement rings)
    {
        var list = rings.EnumerateArray().Select(r => Factory.CreateLinearRing(Positions(r))).ToArray();
        if (list.Length == 0) throw new CqlException("A GeoJSON polygon needs at least one ring.");
        return Factory.CreatePolygon(list[0], list[1..]);
    }
}
