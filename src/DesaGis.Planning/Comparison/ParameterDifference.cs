using System.Text.Json.Nodes;

namespace DesaGis.Planning.Comparison;

/// <summary>A parameter that differs: its JSON path and both values (null when absent on one side).</summary>
public sealed record ParameterDifference(string Path, JsonNode? A, JsonNode? B);
