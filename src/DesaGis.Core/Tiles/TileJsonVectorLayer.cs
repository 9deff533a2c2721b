using System.Text.Json.Serialization;

namespace DesaGis.Core.Tiles;

/// <summary>One entry of TileJSON's <c>vector_layers</c>: an MVT layer and its fields (name → type).</summary>
public sealed record TileJsonVectorLayer
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("minzoom")] public int MinZoom { get; init; }
    [JsonPropertyName("maxzoom")] public int MaxZoom { get; init; }
    /// <summary>Field name → "String", "Number" or "Boolean", as TileJSON clients expect.</summary>
    [JsonPropertyName("fields")] public required IReadOnlyDictionary<string, string> Fields { get; init; }
}
