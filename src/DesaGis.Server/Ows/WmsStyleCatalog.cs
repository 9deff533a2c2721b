using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DesaGis.Core.Layers;
using DesaGis.Rendering.Legends;
using DesaGis.Rendering.Styles;
using DesaGis.Server.Tiles;

namespace DesaGis.Server.Ows;

/// <summary>
/// The WMS styles of each layer, taken from the MapLibre styles in styles/ — the same documents the web viewer shows
/// and printed maps draw, so a WMS map looks like both. A layer that no style draws gets a plain fallback, so every
/// public layer can be requested. Styles are parsed once; a broken style file fails the first WMS request loudly.
/// </summary>
public sealed class WmsStyleCatalog
{
    /// <summary>The name of the fallback style of layers no style file draws.</summary>
    public const string FallbackName = "default";

    private readonly Lazy<IReadOnlyList<MapStyle>> _styles;
    private readonly ConcurrentDictionary<string, IReadOnlyList<WmsStyle>> _byLayer = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Layer, string Style), byte[]> _legends = new();

    public WmsStyleCatalog(StyleStore store, MapStyle printStyle)
    {
        _styles = new Lazy<IReadOnlyList<MapStyle>>(() =>
        {
            if (store.Directory is not { } directory) return [printStyle];
            var list = store.Names().Select(n => MapStyle.Load(Path.Combine(directory, n + ".json"))).ToList();
            return list.Count > 0 ? list : [printStyle];
        });
    }

    /// <summary>The styles of a layer; the first is its default.</summary>
    public IReadOnlyList<WmsStyle> StylesOf(LayerDefinition layer) => _byLayer.GetOrAdd(layer.Id, _ => Build(layer));

    /// <summary>The style of a layer by name (blank or "default" for its default), or null when it has none of that name.</summary>
    public WmsStyle? Find(LayerDefinition layer, string? name)
    {
        var styles = StylesOf(layer);
        if (string.IsNullOrWhiteSpace(name) || name.Equals(FallbackName, StringComparison.OrdinalIgnoreCase)) return styles[0];
        return styles.FirstOrDefault(s => s.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The legend of a layer's style as a PNG (made once).</summary>
    public byte[] Legend(LayerDefinition layer, WmsStyle style) => _legends.GetOrAdd((layer.Id, style.Name), _ =>
    {
        var groups = LegendBuilder.Build(style.Style, style.Style.Layers, Math.Max(style.MinZoom, 10));
        if (groups.Count == 0) groups = [new LegendGroup(layer.Title, [])];
        return LegendImageRenderer.RenderPng(groups, transparent: false);
    });

    /// <summary>The legend's pixel size, read from its PNG header (capabilities announce it).</summary>
    public (int Width, int Height) LegendSize(LayerDefinition layer, WmsStyle style)
    {
        var png = Legend(layer, style);
        return (ReadInt(png, 16), ReadInt(png, 20));
    }

    private static int ReadInt(byte[] png, int offset) => (png[offset] << 24) | (png[offset + 1] << 16) | (png[offset + 2] << 8) | png[offset + 3];

    private IReadOnlyList<WmsStyle> Build(LayerDefinition layer)
    {
        var list = new List<WmsStyle>();
        foreach (var style in _styles.Value)
        {
            var layers = style.Layers.Where(l => l.SourceLayer == layer.Id && l.Type is not (StyleLayerType.Unsupported or StyleLayerType.Background)).ToList();
            if (layers.Count == 0) continue;
            var composed = new MapStyle { Name = style.Name, Layers = layers, Metadata = style.Metadata };
            list.Add(new WmsStyle(Slug(style.Name), style.Name, composed, layers.Min(l => l.MinZoom)));
        }
        if (list.Count == 0) list.Add(Fallback(layer));
        return list;
    }

    // A style file's WMS name: its name in lower case with only letters, digits, '-' and '_'.
    private static string Slug(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        return chars.Length == 0 ? "style" : new string(chars);
    }

    private static WmsStyle Fallback(LayerDefinition layer)
    {
        // Built as JSON nodes so that the layer id is a value, never spliced into text.
        JsonObject Layer(string id, string type, JsonObject paint) => new()
        {
            ["id"] = id, ["type"] = type, ["source"] = "s", ["source-layer"] = layer.Id, ["paint"] = paint,
        };
        var layers = layer.GeometryKind switch
        {
            GeometryKind.Point => new JsonArray(Layer("points", "circle", new JsonObject
            {
                ["circle-radius"] = 4, ["circle-color"] = "#3182bd", ["circle-stroke-color"] = "#ffffff", ["circle-stroke-width"] = 1,
            })),
            GeometryKind.MultiLineString => new JsonArray(Layer("lines", "line", new JsonObject { ["line-color"] = "#3182bd", ["line-width"] = 1.5 })),
            _ => new JsonArray(
                Layer("fill", "fill", new JsonObject { ["fill-color"] = "#9ecae1", ["fill-opacity"] = 0.35 }),
                Layer("outline", "line", new JsonObject { ["line-color"] = "#3182bd", ["line-width"] = 1 })),
        };
        var document = new JsonObject { ["version"] = 8, ["name"] = FallbackName, ["sources"] = new JsonObject(), ["layers"] = layers };
        var style = MapStyle.Parse(document.ToJsonString(), FallbackName);
        return new WmsStyle(FallbackName, "Gaya bawaan / default style", style, 0);
    }
}
