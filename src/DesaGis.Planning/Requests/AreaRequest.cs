using System.Text.Json;

namespace DesaGis.Planning.Requests;

/// <summary>The planning area: the union of kabupaten, kecamatan and a drawn polygon.</summary>
public sealed record AreaRequest
{
    public IReadOnlyList<string>? Kabupaten { get; init; }
    public IReadOnlyList<string>? Kecamatan { get; init; }

    /// <summary>A WKT string or a GeoJSON Polygon/MultiPolygon object in EPSG:4326.</summary>
    public JsonElement? Polygon { get; init; }
}
