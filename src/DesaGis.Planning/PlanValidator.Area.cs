using System.Text.Json;
using DesaGis.Core.Codes;
using DesaGis.Planning.Requests;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace DesaGis.Planning;

/// <summary>The <c>area</c> section of a plan, and the Kemendagri code lists it shares with <c>pins</c>.</summary>
public static partial class PlanValidator
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The area to plan in: kabupaten and kecamatan codes and a polygon, each optional.</summary>
    private static (HashSet<string> Kabupaten, HashSet<string> Kecamatan, Geometry? Polygon) ValidateArea(AreaRequest? requested, List<PlanError> errors)
    {
        var kab = new HashSet<string>(StringComparer.Ordinal);
        var kec = new HashSet<string>(StringComparer.Ordinal);
        Geometry? polygon = null;
        if (requested is { } area)
        {
            ParseCodes(area.Kabupaten, AdminLevel.Kabupaten, "area.kabupaten", kab, errors);
            ParseCodes(area.Kecamatan, AdminLevel.Kecamatan, "area.kecamatan", kec, errors);
            if (area.Polygon is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } poly)
                polygon = ParsePolygon(poly, errors);
        }
        return (kab, kec, polygon);
    }

    private static void ParseCodes(IReadOnlyList<string>? codes, AdminLevel level, string path, HashSet<string> into, List<PlanError> errors)
    {
        if (codes is null) return;
        for (int i = 0; i < codes.Count; i++)
        {
            var code = KemendagriCode.TryParse(codes[i]);
            if (code is null || code.Level != level)
                errors.Add(new($"{path}[{i}]", $"'{Short(codes[i])}' is not a Kemendagri {level.ToString().ToLowerInvariant()} code (e.g. {Example(level)})."));
            else into.Add(code.Dotted);
        }
    }

    private static string Example(AdminLevel level) => level switch
    {
        AdminLevel.Kabupaten => "63.04",
        AdminLevel.Kecamatan => "63.04.01",
        _ => "63.04.01.2001",
    };

    private static Geometry? ParsePolygon(JsonElement element, List<PlanError> errors)
    {
        Geometry? geometry = null;
        try
        {
            if (element.ValueKind == JsonValueKind.String)
                geometry = new WKTReader().Read(element.GetString());
            else if (element.ValueKind == JsonValueKind.Object)
                geometry = element.Deserialize<Geometry>(GeoJsonOptions);
        }
        catch (Exception ex) when (ex is ParseException or JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            geometry = null;
        }
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            errors.Add(new("area.polygon", "The polygon must be a WKT POLYGON/MULTIPOLYGON string or a GeoJSON Polygon/MultiPolygon object in EPSG:4326."));
            return null;
        }
        if (geometry.NumPoints > MaxAreaVertices || geometry.NumGeometries > MaxAreaParts)
        {
            errors.Add(new("area.polygon",
                $"The area has {geometry.NumPoints} vertices in {geometry.NumGeometries} polygon(s); at most {MaxAreaVertices} vertices in {MaxAreaParts} polygons are accepted. " +
                "Simplify the outline, or give the area as kabupaten/kecamatan codes."));
            return null;
        }
        var env = geometry.EnvelopeInternal;
        if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90)
        {
            errors.Add(new("area.polygon", "The polygon's coordinates must be longitude/latitude degrees (EPSG:4326)."));
            return null;
        }
        // A self-intersecting hand-drawn polygon is repaired rather than refused.
        if (!geometry.IsValid) geometry = geometry.Buffer(0);
        geometry.SRID = 4326;
        return geometry;
    }
}
