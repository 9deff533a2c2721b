using System.Globalization;
using System.Xml;
using DesaGis.Rendering.Expressions;
using DesaGis.Rendering.Styles;
using SkiaSharp;

namespace DesaGis.Rendering.Qgis;

/// <summary>
/// QGIS symbols and label settings made from MapLibre paint and layout values, evaluated at one zoom for one class.
/// Sizes are in pixels, as MapLibre's are. Symbol layer properties are written both as QGIS 3.x option maps and as
/// the older key/value pairs, so 3.10 to 3.34 and QField read them alike.
/// </summary>
public static class QgisSymbols
{
    /// <summary>The QGIS symbol type a layer of this geometry draws with.</summary>
    public static string SymbolType(Core.Layers.GeometryKind kind) => kind switch
    {
        Core.Layers.GeometryKind.Point => "marker",
        Core.Layers.GeometryKind.MultiLineString => "line",
        _ => "fill",
    };

    /// <summary>A QGIS colour: r,g,b,a.</summary>
    public static string Color(SKColor c) => string.Create(CultureInfo.InvariantCulture, $"{c.Red},{c.Green},{c.Blue},{c.Alpha}");

    /// <summary>
    /// Writes one symbol layer for a MapLibre fill, line or circle layer at a class's sample feature. A line layer drawn
    /// on polygons becomes a line symbol layer inside the fill symbol (QGIS's "outline: simple line"), which keeps its
    /// dashes. Returns false when the layer draws nothing (zero width or opacity).
    /// </summary>
    public static bool WriteSymbolLayer(XmlWriter w, StyleLayer layer, EvaluationContext ctx, int pass)
    {
        switch (layer.Type)
        {
            case StyleLayerType.Fill:
            {
                double opacity = Number(layer, "fill-opacity", ctx, 1);
                var fill = WithOpacity(ColorOf(layer, "fill-color", ctx, SKColors.Black), opacity);
                var outline = layer.PaintProperty("fill-outline-color") is not null
                    ? WithOpacity(ColorOf(layer, "fill-outline-color", ctx, fill), opacity) : (SKColor?)null;
                Layer(w, "SimpleFill", pass, new()
                {
                    ["color"] = Color(fill),
                    ["style"] = "solid",
                    ["outline_color"] = Color(outline ?? fill),
                    ["outline_style"] = outline is null ? "no" : "solid",
                    ["outline_width"] = "1",
                    ["outline_width_unit"] = "Pixel",
                    ["joinstyle"] = "round",
                    ["offset"] = "0,0",
                    ["offset_unit"] = "Pixel",
                });
                return fill.Alpha > 0 || outline is { Alpha: > 0 };
            }
            case StyleLayerType.Line:
            {
                double width = Number(layer, "line-width", ctx, 1);
                var color = WithOpacity(ColorOf(layer, "line-color", ctx, SKColors.Black), Number(layer, "line-opacity", ctx, 1));
                var props = new Dictionary<string, string>
                {
                    ["line_color"] = Color(color),
                    ["line_width"] = Num(width),
                    ["line_width_unit"] = "Pixel",
                    ["line_style"] = "solid",
                    ["capstyle"] = layer.LayoutProperty("line-cap")?.EvaluateString(ctx) switch { "round" => "round", "square" => "square", _ => "flat" },
                    ["joinstyle"] = layer.LayoutProperty("line-join")?.EvaluateString(ctx) switch { "round" => "round", "bevel" => "bevel", _ => "miter" },
                    ["offset"] = "0",
                    ["offset_unit"] = "Pixel",
                    ["use_custom_dash"] = "0",
                };
                // MapLibre measures dashes in line widths; QGIS in the dash unit.
                if (layer.PaintProperty("line-dasharray")?.Evaluate(ctx) is IList<object?> dashes && dashes.Count >= 2)
                {
                    props["use_custom_dash"] = "1";
                    props["customdash"] = string.Join(";", dashes.Select(d => Num(Math.Max(0.01, (ExpressionValues.ToNumber(d) ?? 1) * width))));
                    props["customdash_unit"] = "Pixel";
                }
                Layer(w, "SimpleLine", pass, props);
                return width > 0 && color.Alpha > 0;
            }
            case StyleLayerType.Circle:
            {
                double radius = Number(layer, "circle-radius", ctx, 5);
                double strokeWidth = Number(layer, "circle-stroke-width", ctx, 0);
                var fill = WithOpacity(ColorOf(layer, "circle-color", ctx, SKColors.Black), Number(layer, "circle-opacity", ctx, 1));
                var stroke = WithOpacity(ColorOf(layer, "circle-stroke-color", ctx, SKColors.Black), Number(layer, "circle-stroke-opacity", ctx, 1));
                Layer(w, "SimpleMarker", pass, new()
                {
                    ["name"] = "circle",
                    ["color"] = Color(fill),
                    ["outline_color"] = Color(stroke),
                    ["outline_style"] = strokeWidth > 0 ? "solid" : "no",
                    ["outline_width"] = Num(strokeWidth),
                    ["outline_width_unit"] = "Pixel",
                    ["size"] = Num(2 * radius),
                    ["size_unit"] = "Pixel",
                    ["scale_method"] = "diameter",
                    ["angle"] = "0",
                    ["offset"] = "0,0",
                    ["offset_unit"] = "Pixel",
                    ["vertical_anchor_point"] = "1",
                    ["horizontal_anchor_point"] = "1",
                });
                return radius > 0;
            }
            default:
                return false;
        }
    }

    /// <summary>Opens a symbol element (closed by the caller after its layers).</summary>
    public static void StartSymbol(XmlWriter w, string type, string name)
    {
        w.WriteStartElement("symbol");
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("alpha", "1");
        w.WriteAttributeString("clip_to_extent", "1");
        w.WriteAttributeString("force_rhr", "0");
        DataDefined(w);
    }

    private static void Layer(XmlWriter w, string cls, int pass, Dictionary<string, string> props)
    {
        w.WriteStartElement("layer");
        w.WriteAttributeString("class", cls);
        w.WriteAttributeString("enabled", "1");
        w.WriteAttributeString("locked", "0");
        w.WriteAttributeString("pass", pass.ToString(CultureInfo.InvariantCulture));
        w.WriteStartElement("Option");
        w.WriteAttributeString("type", "Map");
        foreach (var (k, v) in props.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartElement("Option");
            w.WriteAttributeString("type", "QString");
            w.WriteAttributeString("name", k);
            w.WriteAttributeString("value", v);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        foreach (var (k, v) in props.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartElement("prop");
            w.WriteAttributeString("k", k);
            w.WriteAttributeString("v", v);
            w.WriteEndElement();
        }
        DataDefined(w);
        w.WriteEndElement();
    }

    private static void DataDefined(XmlWriter w)
    {
        w.WriteStartElement("data_defined_properties");
        w.WriteStartElement("Option");
        w.WriteAttributeString("type", "Map");
        w.WriteStartElement("Option"); w.WriteAttributeString("type", "QString"); w.WriteAttributeString("name", "name"); w.WriteAttributeString("value", ""); w.WriteEndElement();
        w.WriteStartElement("Option"); w.WriteAttributeString("name", "properties"); w.WriteEndElement();
        w.WriteStartElement("Option"); w.WriteAttributeString("type", "QString"); w.WriteAttributeString("name", "type"); w.WriteAttributeString("value", "collection"); w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>
    /// Writes QGIS label settings (<c>&lt;settings&gt;</c>) for a MapLibre symbol layer whose text is a property:
    /// font, size and colour, halo, upper case, one label per feature over its point (inside polygons), and the scales
    /// the layer shows at. Returns false when the text is not a plain property (the layer is then left out).
    /// </summary>
    public static bool WriteLabelSettings(XmlWriter w, StyleLayer layer, double zoom, string? scaleMin, string? scaleMax, bool polygons)
    {
        if (LabelField(layer) is not { } field) return false;
        var ctx = new EvaluationContext(zoom, null);
        double size = Number(layer, "text-size", ctx, 16, layout: true);
        var color = WithOpacity(ColorOf(layer, "text-color", ctx, SKColors.Black), Number(layer, "text-opacity", ctx, 1));
        var halo = ColorOf(layer, "text-halo-color", ctx, SKColors.Transparent);
        double haloWidth = Number(layer, "text-halo-width", ctx, 0);
        var fonts = layer.LayoutProperty("text-font")?.Evaluate(ctx) as IList<object?>;
        var font = fonts?.OfType<string>().FirstOrDefault() ?? "Noto Sans Regular";
        bool bold = font.Contains("Bold", StringComparison.OrdinalIgnoreCase);
        var family = string.Join(' ', font.Split(' ').Where(p => p is not ("Regular" or "Bold" or "Italic" or "Medium" or "Semibold")));
        bool upper = layer.LayoutProperty("text-transform")?.EvaluateString(ctx) == "uppercase";
        double spacing = Number(layer, "text-letter-spacing", ctx, 0, layout: true) * size;

        w.WriteStartElement("settings");
        w.WriteAttributeString("calloutType", "simple");
        w.WriteStartElement("text-style");
        w.WriteAttributeString("fieldName", field);
        w.WriteAttributeString("isExpression", "0");
        w.WriteAttributeString("fontFamily", family.Length > 0 ? family : "Noto Sans");
        w.WriteAttributeString("namedStyle", bold ? "Bold" : "Regular");
        w.WriteAttributeString("fontWeight", bold ? "75" : "50");
        w.WriteAttributeString("fontItalic", "0");
        w.WriteAttributeString("fontSize", Num(size));
        w.WriteAttributeString("fontSizeUnit", "Pixel");
        w.WriteAttributeString("fontLetterSpacing", Num(spacing));
        w.WriteAttributeString("fontWordSpacing", "0");
        w.WriteAttributeString("fontKerning", "1");
        w.WriteAttributeString("textColor", Color(color.WithAlpha(255)));
        w.WriteAttributeString("textOpacity", Num(color.Alpha / 255.0));
        w.WriteAttributeString("capitalization", upper ? "1" : "0");
        w.WriteAttributeString("multilineHeight", "1");
        w.WriteAttributeString("allowHtml", "0");
        w.WriteAttributeString("blendMode", "0");
        w.WriteAttributeString("textOrientation", "horizontal");
        w.WriteAttributeString("useSubstitutions", "0");
        w.WriteStartElement("text-buffer");
        w.WriteAttributeString("bufferDraw", haloWidth > 0 && halo.Alpha > 0 ? "1" : "0");
        w.WriteAttributeString("bufferSize", Num(haloWidth));
        w.WriteAttributeString("bufferSizeUnits", "Pixel");
        w.WriteAttributeString("bufferColor", Color(halo.WithAlpha(255)));
        w.WriteAttributeString("bufferOpacity", Num(halo.Alpha / 255.0));
        w.WriteAttributeString("bufferNoFill", "1");
        w.WriteAttributeString("bufferJoinStyle", "128");
        w.WriteAttributeString("bufferBlendMode", "0");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("text-format");
        w.WriteAttributeString("wrapChar", "");
        w.WriteAttributeString("autoWrapLength", "0");
        w.WriteAttributeString("multilineAlign", "1");
        w.WriteAttributeString("formatNumbers", "0");
        w.WriteEndElement();
        w.WriteStartElement("placement");
        // Over the point (for polygons: a point inside the polygon, never in a hole or a neighbour).
        w.WriteAttributeString("placement", "1");
        w.WriteAttributeString("centroidInside", polygons ? "1" : "0");
        w.WriteAttributeString("centroidWhole", "0");
        w.WriteAttributeString("fitInPolygonOnly", "0");
        w.WriteAttributeString("dist", "0");
        w.WriteAttributeString("distUnits", "Pixel");
        w.WriteAttributeString("priority", "5");
        w.WriteAttributeString("xOffset", "0");
        w.WriteAttributeString("yOffset", "0");
        w.WriteAttributeString("offsetUnits", "Pixel");
        w.WriteAttributeString("quadOffset", "4");
        w.WriteEndElement();
        w.WriteStartElement("rendering");
        w.WriteAttributeString("drawLabels", "1");
        w.WriteAttributeString("scaleVisibility", scaleMin is null && scaleMax is null ? "0" : "1");
        // QGIS writes the most zoomed-in scale as scaleMin and the most zoomed-out as scaleMax.
        w.WriteAttributeString("scaleMin", scaleMin ?? "0");
        w.WriteAttributeString("scaleMax", scaleMax ?? "0");
        w.WriteAttributeString("obstacle", "1");
        w.WriteAttributeString("obstacleFactor", "1");
        w.WriteAttributeString("obstacleType", "1");
        w.WriteAttributeString("displayAll", "0");
        w.WriteAttributeString("labelPerPart", "0");
        w.WriteAttributeString("mergeLines", "0");
        w.WriteAttributeString("upsidedownLabels", "0");
        w.WriteAttributeString("limitNumLabels", "0");
        w.WriteAttributeString("maxNumLabels", "2000");
        w.WriteAttributeString("minFeatureSize", "0");
        w.WriteAttributeString("fontLimitPixelSize", "0");
        w.WriteAttributeString("zIndex", "0");
        w.WriteEndElement();
        w.WriteEndElement();
        return true;
    }

    /// <summary>The property a symbol layer writes: ["get", p] or a legacy "{p}".</summary>
    public static string? LabelField(StyleLayer layer)
    {
        var raw = layer.LayoutProperty("text-field")?.Raw;
        if (QgisExpression.Property(raw) is { } p && raw is System.Text.Json.Nodes.JsonArray) return p;
        if (raw is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 2 && text[0] == '{' && text[^1] == '}' &&
            text.IndexOf('{', 1) < 0)
            return text[1..^1];
        return null;
    }

    private static SKColor ColorOf(StyleLayer layer, string property, EvaluationContext ctx, SKColor fallback) =>
        layer.PaintProperty(property)?.Evaluate(ctx) is { } v && CssColor.TryParse(v, out var c) ? c : fallback;

    private static double Number(StyleLayer layer, string property, EvaluationContext ctx, double fallback, bool layout = false) =>
        (layout ? layer.LayoutProperty(property) : layer.PaintProperty(property))?.EvaluateNumber(ctx) ?? fallback;

    private static SKColor WithOpacity(SKColor c, double opacity) => c.WithAlpha((byte)Math.Round(c.Alpha * Math.Clamp(opacity, 0, 1)));

    /// <summary>A number as QGIS writes it.</summary>
    public static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
