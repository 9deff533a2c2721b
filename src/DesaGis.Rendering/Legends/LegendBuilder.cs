using System.Globalization;
using System.Text.Json.Nodes;
using DesaGis.Rendering.Expressions;
using DesaGis.Rendering.Styles;
using SkiaSharp;

namespace DesaGis.Rendering.Legends;

/// <summary>
/// Builds the legend of the layers a map shows. When the style's top-level <c>metadata["desagis:legend"]</c> is a
/// list of entries (<c>{"title", "layer", "kind", "classes": [{"label", "color"}]}</c> or a single <c>"color"</c>),
/// as in styles/desagis.json, exactly the entries whose layer was drawn are shown, in the list's order. Otherwise a layer's <c>metadata["desagis:legend"]</c> wins when present
/// (<c>{"title": "…", "items": [{"label": "…", "color": "#…"}]}</c>, or <c>false</c> to leave the layer out);
/// otherwise the legend is read from the paint: a <c>step</c> gives one class per interval, a <c>match</c> one per
/// label, an <c>interpolate</c> one per stop, a constant colour one swatch. Symbol and background layers have none.
/// </summary>
public static class LegendBuilder
{
    public const string MetadataKey = "desagis:legend";
    public const string TitleKey = "desagis:title";

    /// <summary>The legend of the drawn layers of a style: from the style's legend list when it has one, else per layer.</summary>
    public static IReadOnlyList<LegendGroup> Build(MapStyle style, IReadOnlyCollection<StyleLayer> drawn, double zoom)
    {
        if (style.Metadata?[MetadataKey] is not JsonArray entries) return Build(drawn, zoom);
        var drawnIds = drawn.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var groups = new List<LegendGroup>();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var layerId = entry["layer"]?.GetValue<string>();
            if (layerId is null || !drawnIds.Contains(layerId)) continue;
            var symbol = entry["kind"]?.GetValue<string>() switch
            {
                "line" => LegendSymbol.Line,
                "circle" => LegendSymbol.Circle,
                _ => LegendSymbol.Fill,
            };
            var title = entry["title"]?.GetValue<string>() ?? Humanize(layerId);
            var items = new List<LegendItem>();
            if (entry["classes"] is JsonArray classes)
            {
                foreach (var c in classes.OfType<JsonObject>())
                    if (c["label"]?.GetValue<string>() is { } label && c["color"]?.GetValue<string>() is { } text && CssColor.TryParse(text, out var color))
                        items.Add(new LegendItem(label, symbol, color));
            }
            else if (entry["color"]?.GetValue<string>() is { } text && CssColor.TryParse(text, out var color))
                items.Add(new LegendItem(title, symbol, color));
            if (items.Count > 0) groups.Add(new LegendGroup(title, items));
        }
        return groups;
    }

    /// <summary>The legend of layers from their own metadata or paint.</summary>
    public static IReadOnlyList<LegendGroup> Build(IEnumerable<StyleLayer> layers, double zoom)
    {
        var groups = new List<LegendGroup>();
        foreach (var layer in layers)
        {
            if (FromMetadata(layer) is { } declared)
            {
                if (declared.Items.Count > 0) groups.Add(declared);
                continue;
            }
            if (layer.Metadata?[MetadataKey] is JsonValue v && v.TryGetValue<bool>(out var show) && !show) continue;
            if (Derive(layer, zoom) is { } derived) groups.Add(derived);
        }
        return groups;
    }

    private static LegendGroup? FromMetadata(StyleLayer layer)
    {
        if (layer.Metadata?[MetadataKey] is not JsonObject legend) return null;
        var symbol = SymbolOf(layer);
        var items = new List<LegendItem>();
        if (legend["items"] is JsonArray array)
        {
            foreach (var node in array.OfType<JsonObject>())
            {
                var label = node["label"]?.GetValue<string>();
                var colorText = node["color"]?.GetValue<string>();
                if (label is null || colorText is null || !CssColor.TryParse(colorText, out var color)) continue;
                items.Add(new LegendItem(label, symbol ?? LegendSymbol.Fill, color));
            }
        }
        return new LegendGroup(legend["title"]?.GetValue<string>() ?? TitleOf(layer), items);
    }

    private static LegendGroup? Derive(StyleLayer layer, double zoom)
    {
        var symbol = SymbolOf(layer);
        if (symbol is null) return null;
        var property = symbol switch
        {
            LegendSymbol.Fill => "fill-color",
            LegendSymbol.Line => "line-color",
            _ => "circle-color",
        };
        var expr = layer.PaintProperty(property);
        var outline = symbol == LegendSymbol.Fill ? ConstantColor(layer.PaintProperty("fill-outline-color"), zoom) : null;
        double opacity = layer.PaintProperty(symbol switch
        {
            LegendSymbol.Fill => "fill-opacity",
            LegendSymbol.Line => "line-opacity",
            _ => "circle-opacity",
        })?.EvaluateNumber(new EvaluationContext(zoom, null)) ?? 1;
        var items = new List<LegendItem>();
        void Add(string label, JsonNode? colorNode)
        {
            if (colorNode is JsonValue cv && cv.TryGetValue<string>(out var text) && CssColor.TryParse(text, out var color))
                items.Add(new LegendItem(label, symbol.Value, Drawing.MapRenderer.WithOpacity(color, opacity), outline));
        }
        var title = TitleOf(layer);
        switch (expr?.Raw)
        {
            case null:
                items.Add(new LegendItem(title, symbol.Value, SKColors.Black, outline));
                break;
            case JsonArray a when Op(a) == "step" && a.Count >= 3:
            {
                var unit = UnitOf(layer);
                var stops = new List<(double Stop, JsonNode? Output)>();
                for (int i = 3; i + 1 < a.Count; i += 2) stops.Add((a[i]!.GetValue<double>(), a[i + 1]));
                if (stops.Count == 0) { Add(title, a[2]); break; }
                Add($"< {Num(stops[0].Stop)}{unit}", a[2]);
                for (int i = 0; i < stops.Count; i++)
                    Add(i + 1 < stops.Count ? $"{Num(stops[i].Stop)}–{Num(stops[i + 1].Stop)}{unit}" : $"≥ {Num(stops[i].Stop)}{unit}", stops[i].Output);
                title = InputTitle(layer, a[1]) ?? title;
                break;
            }
            case JsonArray a when Op(a) == "match" && a.Count >= 5:
            {
                for (int i = 2; i + 1 < a.Count; i += 2)
                {
                    var labels = a[i] is JsonArray many ? string.Join(", ", many.Select(Text)) : Text(a[i]);
                    Add(labels.Replace('_', ' '), a[i + 1]);
                }
                Add("Lainnya / other", a[^1]);
                title = InputTitle(layer, a[1]) ?? title;
                break;
            }
            case JsonArray a when Op(a) == "interpolate" && a.Count >= 5:
            {
                var unit = UnitOf(layer);
                for (int i = 3; i + 1 < a.Count; i += 2) Add($"{Num(a[i]!.GetValue<double>())}{unit}", a[i + 1]);
                title = InputTitle(layer, a[2]) ?? title;
                break;
            }
            case JsonArray a when Op(a) == "case" && a.Count >= 4:
                Add(title, a[^1]);
                break;
            default:
                if (ConstantColor(expr, zoom) is { } constant)
                    items.Add(new LegendItem(title, symbol.Value, Drawing.MapRenderer.WithOpacity(constant, opacity), outline));
                break;
        }
        return items.Count == 0 ? null : new LegendGroup(title, items);
    }

    private static LegendSymbol? SymbolOf(StyleLayer layer) => layer.Type switch
    {
        StyleLayerType.Fill => LegendSymbol.Fill,
        StyleLayerType.Line => LegendSymbol.Line,
        StyleLayerType.Circle => LegendSymbol.Circle,
        _ => null,
    };

    private static SKColor? ConstantColor(StyleExpression? expr, double zoom) =>
        expr?.Evaluate(new EvaluationContext(zoom, null)) is { } v && CssColor.TryParse(v, out var c) ? c : null;

    private static string TitleOf(StyleLayer layer) =>
        layer.Metadata?[TitleKey]?.GetValue<string>() ?? Humanize(layer.Id);

    private static string UnitOf(StyleLayer layer) => layer.Metadata?["desagis:unit"]?.GetValue<string>() ?? "";

    // The legend title of a data-driven layer: its declared title, else the name of the property it classifies by.
    private static string? InputTitle(StyleLayer layer, JsonNode? input)
    {
        if (layer.Metadata?[TitleKey] is not null) return null;
        return FindGet(input) is { } property ? Humanize(property) : null;
    }

    private static string? FindGet(JsonNode? node) => node switch
    {
        JsonArray a when Op(a) == "get" && a.Count > 1 => Text(a[1]),
        JsonArray a => a.Select(FindGet).FirstOrDefault(x => x is not null),
        _ => null,
    };

    private static string? Op(JsonArray a) => a.Count > 0 && a[0] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out var d) => Num(d),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "ya" : "tidak",
        _ => node?.ToJsonString() ?? "",
    };

    private static string Num(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Humanize(string id)
    {
        var text = id.Replace('_', ' ').Replace('-', ' ');
        if (text.Length > 0 && text.All(ch => !char.IsLower(ch))) text = text.ToLowerInvariant();
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
