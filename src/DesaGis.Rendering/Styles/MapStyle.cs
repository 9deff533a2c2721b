using System.Text.Json;
using System.Text.Json.Nodes;
using DesaGis.Rendering.Expressions;

namespace DesaGis.Rendering.Styles;

/// <summary>
/// A MapLibre style (version 8) parsed for printing: the same document the web viewer uses, so a printed map
/// looks like the screen. Every expression is compiled when the style is read, so an unsupported construct fails
/// here with the layer's id, not half-way through a page.
/// </summary>
public sealed class MapStyle
{
    public required string Name { get; init; }
    public required IReadOnlyList<StyleLayer> Layers { get; init; }

    /// <summary>The style's top-level <c>metadata</c> (e.g. attribution and data sources for the page footer).</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>The source-layer ids any drawable layer reads: the collections a map of this style needs.</summary>
    public IReadOnlyList<string> SourceLayers =>
        Layers.Where(l => l.Type != StyleLayerType.Unsupported && l.SourceLayer is not null)
              .Select(l => l.SourceLayer!).Distinct(StringComparer.Ordinal).ToList();

    public StyleLayer? FindLayer(string id) => Layers.FirstOrDefault(l => l.Id == id);

    public static MapStyle Load(string path)
    {
        if (!File.Exists(path)) throw new StyleException($"The style file {path} does not exist.");
        return Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    public static MapStyle Parse(string json, string fallbackName = "style")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                   ?? throw new StyleException("A style must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new StyleException($"The style is not valid JSON: {ex.Message}", ex);
        }
        if (root["version"]?.GetValue<double>() is not 8.0)
            throw new StyleException("Only MapLibre style version 8 is supported.");
        if (root["layers"] is not JsonArray layersNode)
            throw new StyleException("The style has no 'layers' array.");
        var layers = new List<StyleLayer>();
        foreach (var node in layersNode)
        {
            if (node is not JsonObject layer) throw new StyleException("Every entry of 'layers' must be an object.");
            layers.Add(ParseLayer(layer));
        }
        return new MapStyle
        {
            Name = root["name"]?.GetValue<string>() ?? fallbackName,
            Layers = layers,
            Metadata = root["metadata"] as JsonObject,
        };
    }

    private static StyleLayer ParseLayer(JsonObject layer)
    {
        var id = layer["id"]?.GetValue<string>() ?? throw new StyleException("A style layer has no 'id'.");
        var typeName = layer["type"]?.GetValue<string>() ?? throw new StyleException($"Style layer '{id}' has no 'type'.");
        var type = typeName switch
        {
            "background" => StyleLayerType.Background,
            "fill" => StyleLayerType.Fill,
            "line" => StyleLayerType.Line,
            "circle" => StyleLayerType.Circle,
            "symbol" => StyleLayerType.Symbol,
            _ => StyleLayerType.Unsupported,
        };
        try
        {
            var layout = CompileProperties(layer["layout"] as JsonObject);
            bool visible = layer["layout"]?["visibility"]?.GetValue<string>() != "none";
            return new StyleLayer
            {
                Id = id,
                Type = type,
                TypeName = typeName,
                Source = layer["source"]?.GetValue<string>(),
                SourceLayer = layer["source-layer"]?.GetValue<string>(),
                MinZoom = layer["minzoom"]?.GetValue<double>() ?? 0,
                MaxZoom = layer["maxzoom"]?.GetValue<double>() ?? 24,
                Visible = visible,
                Filter = layer["filter"] is { } filter ? StyleExpression.ParseFilter(filter) : null,
                Paint = type == StyleLayerType.Unsupported ? new Dictionary<string, StyleExpression>() : CompileProperties(layer["paint"] as JsonObject),
                Layout = type == StyleLayerType.Unsupported ? new Dictionary<string, StyleExpression>() : layout,
                Metadata = layer["metadata"] as JsonObject,
            };
        }
        catch (StyleExpressionException ex)
        {
            throw new StyleException($"Style layer '{id}': {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
        {
            throw new StyleException($"Style layer '{id}' has a malformed value: {ex.Message}", ex);
        }
    }

    private static readonly HashSet<string> ArrayProperties =
    [
        "text-font", "line-dasharray", "text-offset", "icon-offset", "text-translate", "fill-translate",
        "line-translate", "circle-translate", "text-variable-anchor", "icon-text-fit-padding", "text-padding",
    ];

    private static readonly HashSet<string> ArrayOperators =
        ["literal", "array", "get", "step", "interpolate", "match", "case", "coalesce", "let", "var", "to-string"];

    private static bool StartsWithOperator(JsonArray array) =>
        array.Count > 0 && array[0] is JsonValue v && v.TryGetValue<string>(out var op) && ArrayOperators.Contains(op);

    private static Dictionary<string, StyleExpression> CompileProperties(JsonObject? properties)
    {
        var result = new Dictionary<string, StyleExpression>(StringComparer.Ordinal);
        if (properties is null) return result;
        foreach (var (name, value) in properties)
        {
            if (name == "visibility") continue;
            // Array-valued properties (font stacks, dash patterns, offsets) are plain arrays, not expressions.
            var node = ArrayProperties.Contains(name) && value is JsonArray array && !StartsWithOperator(array)
                ? new JsonArray("literal", array.DeepClone())
                : value;
            result[name] = StyleExpression.Parse(node);
        }
        return result;
    }
}
