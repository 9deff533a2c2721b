using System.Text.Json.Serialization;

namespace DesaGis.Core.Tiles;

/// <summary>A TileJSON 3.0.0 document describing a vector tile source.</summary>
public sealed record TileJson
{
    public const string Version = "3.0.0";

    [JsonPropertyName("tilejson")] public string TileJsonVersion { get; init; } = Version;
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("attribution")] public string? Attribution { get; init; }
    [JsonPropertyName("scheme")] public string Scheme { get; init; } = "xyz";
    [JsonPropertyName("tiles")] public required IReadOnlyList<string> Tiles { get; init; }
    [JsonPropertyName("minzoom")] public int MinZoom { get; init; }
    [JsonPropertyName("maxzoom")] public int MaxZoom { get; init; }
    /// <summary>West, south, east, north in degrees.</summary>
    [JsonPropertyName("bounds")] public required double[] Bounds { get; init; }
    /// <summary>Longitude, latitude, zoom.</summary>
    [JsonPropertyName("center")] public required double[] Center { get; init; }
    [JsonPropertyName("vector_layers")] public required IReadOnlyList<TileJsonVectorLayer> VectorLayers { get; init; }
}
