using System.Text.RegularExpressions;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Expressions;
using DesaGis.Rendering.Fonts;
using DesaGis.Rendering.Styles;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace DesaGis.Rendering.Drawing;

/// <summary>
/// Draws map data with a style into a frame of a canvas: background, fill, line, circle and symbol (text) layers in
/// style order, each feature styled by evaluating the layer's paint and layout expressions at the map's zoom.
/// Units are CSS pixels; the caller scales the canvas for the output's DPI.
/// </summary>
public sealed partial class MapRenderer(MapStyle style)
{
    public MapStyle Style { get; } = style;

    /// <summary>The style layers that drew at least one feature in the last <see cref="Draw"/> (for the legend).</summary>
    public IReadOnlyList<StyleLayer> LayersDrawn => _drawn;

    private readonly List<StyleLayer> _drawn = [];

    /// <summary>Draws the map; clips to the viewport's frame.</summary>
    public void Draw(SKCanvas canvas, Viewport viewport, MapData data)
    {
        _drawn.Clear();
        canvas.Save();
        canvas.ClipRect(viewport.Frame);
        var labels = new LabelPlacer(viewport.Frame);
        double zoom = viewport.Zoom;
        var drawn = new HashSet<StyleLayer>();
        foreach (var layer in Style.Layers)
        {
            if (!layer.IsShownAt(zoom) || layer.Type == StyleLayerType.Symbol) continue;
            bool drew = layer.Type switch
            {
                StyleLayerType.Background => DrawBackground(canvas, viewport, layer, zoom),
                StyleLayerType.Fill => DrawFeatures(canvas, viewport, layer, data, zoom, DrawFill),
                StyleLayerType.Line => DrawFeatures(canvas, viewport, layer, data, zoom, DrawLine),
                StyleLayerType.Circle => DrawFeatures(canvas, viewport, layer, data, zoom, DrawCircle),
                _ => false,
            };
            if (drew) drawn.Add(layer);
        }
        // Labels go on top, and as in MapLibre a later symbol layer wins a collision: place them last-first.
        foreach (var layer in Style.Layers.Where(l => l.Type == StyleLayerType.Symbol && l.IsShownAt(zoom)).Reverse())
        {
            if (DrawFeatures(canvas, viewport, layer, data, zoom, (c, v, l, f, ctx) => DrawLabel(c, v, l, f, ctx, labels)))
                drawn.Add(layer);
        }
        _drawn.AddRange(Style.Layers.Where(drawn.Contains));
        canvas.Restore();
    }

    private delegate bool FeatureDrawer(SKCanvas canvas, Viewport viewport, StyleLayer layer, MapFeature feature, EvaluationContext context);

    private static bool DrawBackground(SKCanvas canvas, Viewport viewport, StyleLayer layer, double zoom)
    {
        var ctx = new EvaluationContext(zoom, null);
        var color = Color(layer.PaintProperty("background-color"), ctx, SKColors.Black);
        double opacity = Number(layer.PaintProperty("background-opacity"), ctx, 1);
        using var paint = new SKPaint { Color = WithOpacity(color, opacity), Style = SKPaintStyle.Fill };
        canvas.DrawRect(viewport.Frame, paint);
        return true;
    }

    private static bool DrawFeatures(SKCanvas canvas, Viewport viewport, StyleLayer layer, MapData data, double zoom, FeatureDrawer draw)
    {
        if (layer.SourceLayer is null || !data.Contains(layer.SourceLayer)) return false;
        bool any = false;
        // Features wholly outside the map are skipped before any projection (an atlas page shows a small part of
        // the data it is given). The box is widened so that strokes and labels at the edge still draw.
        var shown = viewport.DataBounds;
        var visible = new NetTopologySuite.Geometries.Envelope(shown.MinX, shown.MaxX, shown.MinY, shown.MaxY);
        visible.ExpandBy(shown.Width * 0.05, shown.Height * 0.05);
        foreach (var feature in data[layer.SourceLayer].Features)
        {
            if (feature.Geometry is null || feature.Geometry.IsEmpty) continue;
            if (!visible.Intersects(feature.Geometry.EnvelopeInternal)) continue;
            var ctx = new EvaluationContext(zoom, feature);
            if (layer.Filter is not null && !layer.Filter.EvaluateBoolean(ctx)) continue;
            any |= draw(canvas, viewport, layer, feature, ctx);
        }
        return any;
    }

    private static bool DrawFill(SKCanvas canvas, Viewport viewport, StyleLayer layer, MapFeature feature, EvaluationContext ctx)
    {
        if (feature.Geometry is not IPolygonal) return false;
        using var path = PolygonPath(viewport, feature.Geometry);
        var color = Color(layer.PaintProperty("fill-color"), ctx, SKColors.Black);
        double opacity = Number(layer.PaintProperty("fill-opacity"), ctx, 1);
        using (var fill = new SKPaint { Color = WithOpacity(color, opacity), Style = SKPaintStyle.Fill, IsAntialias = true })
            canvas.DrawPath(path, fill);
        if (layer.PaintProperty("fill-outline-color") is { } outlineExpr)
        {
            var outline = Color(outlineExpr, ctx, color);
            using var stroke = new SKPaint { Color = WithOpacity(outline, opacity), Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
            canvas.DrawPath(path, stroke);
        }
        return true;
    }

    private static bool DrawLine(SKCanvas canvas, Viewport viewport, StyleLayer layer, MapFeature feature, EvaluationContext ctx)
    {
        if (feature.Geometry is IPuntal) return false;
        double width = Number(layer.PaintProperty("line-width"), ctx, 1);
        if (width <= 0) return false;
        var color = Color(layer.PaintProperty("line-color"), ctx, SKColors.Black);
        double opacity = Number(layer.PaintProperty("line-opacity"), ctx, 1);
        using var path = LinePath(viewport, feature.Geometry);
        using var paint = new SKPaint
        {
            Color = WithOpacity(color, opacity),
            Style = SKPaintStyle.Stroke,
            StrokeWidth = (float)width,
            IsAntialias = true,
            StrokeJoin = layer.LayoutProperty("line-join")?.EvaluateString(ctx) switch
            {
                "round" => SKStrokeJoin.Round,
                "bevel" => SKStrokeJoin.Bevel,
                _ => SKStrokeJoin.Miter,
            },
            StrokeCap = layer.LayoutProperty("line-cap")?.EvaluateString(ctx) switch
            {
                "round" => SKStrokeCap.Round,
                "square" => SKStrokeCap.Square,
                _ => SKStrokeCap.Butt,
            },
        };
        // MapLibre's dash lengths are in line widths.
        if (layer.PaintProperty("line-dasharray")?.Evaluate(ctx) is IList<object?> dashes && dashes.Count >= 2)
        {
            var intervals = dashes.Select(d => (float)Math.Max(0.01, (ExpressionValues.ToNumber(d) ?? 1) * width)).ToArray();
            if (intervals.Length % 2 == 1) intervals = [.. intervals, .. intervals];
            paint.PathEffect = SKPathEffect.CreateDash(intervals, 0);
        }
        canvas.DrawPath(path, paint);
        return true;
    }

    private static bool DrawCircle(SKCanvas canvas, Viewport viewport, StyleLayer layer, MapFeature feature, EvaluationContext ctx)
    {
        if (feature.Geometry is not IPuntal) return false;
        double radius = Number(layer.PaintProperty("circle-radius"), ctx, 5);
        var color = Color(layer.PaintProperty("circle-color"), ctx, SKColors.Black);
        double opacity = Number(layer.PaintProperty("circle-opacity"), ctx, 1);
        double strokeWidth = Number(layer.PaintProperty("circle-stroke-width"), ctx, 0);
        var strokeColor = Color(layer.PaintProperty("circle-stroke-color"), ctx, SKColors.Black);
        double strokeOpacity = Number(layer.PaintProperty("circle-stroke-opacity"), ctx, 1);
        using var fill = new SKPaint { Color = WithOpacity(color, opacity), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var stroke = new SKPaint { Color = WithOpacity(strokeColor, strokeOpacity), Style = SKPaintStyle.Stroke, StrokeWidth = (float)strokeWidth, IsAntialias = true };
        for (int i = 0; i < feature.Geometry.NumGeometries; i++)
        {
            var p = (Point)feature.Geometry.GetGeometryN(i);
            var at = viewport.Project(p.X, p.Y);
            canvas.DrawCircle(at, (float)radius, fill);
            if (strokeWidth > 0) canvas.DrawCircle(at, (float)radius, stroke);
        }
        return true;
    }

    private static bool DrawLabel(SKCanvas canvas, Viewport viewport, StyleLayer layer, MapFeature feature, EvaluationContext ctx, LabelPlacer labels)
    {
        var text = LabelText(layer.LayoutProperty("text-field"), ctx, feature);
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = layer.LayoutProperty("text-transform")?.EvaluateString(ctx) switch
        {
            "uppercase" => text.ToUpperInvariant(),
            "lowercase" => text.ToLowerInvariant(),
            _ => text,
        };
        var anchorPoint = LabelAnchor(feature.Geometry);
        if (anchorPoint is null) return false;
        double size = Number(layer.LayoutProperty("text-size"), ctx, 16);
        var fontStack = layer.LayoutProperty("text-font")?.Evaluate(ctx) as IList<object?>;
        using var font = FontLibrary.CreateFont(FontLibrary.ForStack(fontStack?.OfType<string>()), (float)size);
        var at = viewport.Project(anchorPoint.X, anchorPoint.Y);
        if (layer.LayoutProperty("text-offset")?.Evaluate(ctx) is IList<object?> offset && offset.Count == 2)
            at.Offset((float)((ExpressionValues.ToNumber(offset[0]) ?? 0) * size), (float)((ExpressionValues.ToNumber(offset[1]) ?? 0) * size));
        float width = font.MeasureText(text);
        var metrics = font.Metrics;
        float height = metrics.Descent - metrics.Ascent;
        var anchor = layer.LayoutProperty("text-anchor")?.EvaluateString(ctx) ?? "center";
        float left = anchor.Contains("left") ? at.X : anchor.Contains("right") ? at.X - width : at.X - width / 2;
        float top = anchor.StartsWith("top") ? at.Y : anchor.StartsWith("bottom") ? at.Y - height : at.Y - height / 2;
        var box = new SKRect(left - 2, top - 1, left + width + 2, top + height + 1);
        bool allowOverlap = layer.LayoutProperty("text-allow-overlap")?.EvaluateBoolean(ctx) ?? false;
        if (!labels.TryPlace(box, allowOverlap)) return false;

        float baseline = top - metrics.Ascent;
        var haloColor = Color(layer.PaintProperty("text-halo-color"), ctx, SKColors.Transparent);
        double haloWidth = Number(layer.PaintProperty("text-halo-width"), ctx, 0);
        double opacity = Number(layer.PaintProperty("text-opacity"), ctx, 1);
        if (haloWidth > 0 && haloColor.Alpha > 0)
        {
            using var halo = new SKPaint
            {
                Color = WithOpacity(haloColor, opacity), Style = SKPaintStyle.Stroke, StrokeWidth = (float)(haloWidth * 2),
                StrokeJoin = SKStrokeJoin.Round, IsAntialias = true,
            };
            canvas.DrawText(text, left, baseline, SKTextAlign.Left, font, halo);
        }
        using var fill = new SKPaint { Color = WithOpacity(Color(layer.PaintProperty("text-color"), ctx, SKColors.Black), opacity), IsAntialias = true };
        canvas.DrawText(text, left, baseline, SKTextAlign.Left, font, fill);
        return true;
    }

    /// <summary>The text of a label: an expression's value, with legacy <c>{field}</c> tokens replaced by attributes.</summary>
    internal static string? LabelText(StyleExpression? field, EvaluationContext ctx, MapFeature feature)
    {
        var text = field?.EvaluateString(ctx);
        if (text is null || !text.Contains('{')) return text;
        return TokenPattern().Replace(text, m => ExpressionValues.ToText(feature[m.Groups[1].Value]) ?? "");
    }

    private static Point? LabelAnchor(Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                return p;
            case IPolygonal:
            {
                // The largest part carries the label, at a point inside it (never in a hole or outside a crescent).
                var largest = Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).MaxBy(g => g.Area)!;
                return largest.InteriorPoint;
            }
            case ILineal:
            {
                var longest = Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).MaxBy(g => g.Length)!;
                var indexed = new NetTopologySuite.LinearReferencing.LengthIndexedLine(longest);
                var c = indexed.ExtractPoint(longest.Length / 2);
                return geometry.Factory.CreatePoint(c);
            }
            default:
                return geometry.IsEmpty ? null : geometry.InteriorPoint;
        }
    }

    /// <summary>A fill path of a (multi)polygon; holes are cut out by the even-odd rule.</summary>
    public static SKPath PolygonPath(Viewport viewport, Geometry geometry)
    {
        using var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon) continue;
            AddRing(builder, viewport, polygon.ExteriorRing.CoordinateSequence, close: true);
            foreach (var hole in polygon.InteriorRings) AddRing(builder, viewport, hole.CoordinateSequence, close: true);
        }
        return builder.Detach();
    }

    /// <summary>
    /// A stroke path: lines as they are, polygons by their rings. Segments wholly outside the frame (plus a margin)
    /// are left out: a dashed stroke becomes one shape per dash in a PDF, and the dashes of a border that runs far
    /// outside a village page would otherwise fill the file.
    /// </summary>
    public static SKPath LinePath(Viewport viewport, Geometry geometry)
    {
        var clip = viewport.Frame;
        clip.Inflate(20, 20);
        using var builder = new SKPathBuilder();
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            switch (geometry.GetGeometryN(i))
            {
                case Polygon polygon:
                    AddClippedLine(builder, viewport, polygon.ExteriorRing.CoordinateSequence, clip);
                    foreach (var hole in polygon.InteriorRings) AddClippedLine(builder, viewport, hole.CoordinateSequence, clip);
                    break;
                case LineString line:
                    AddClippedLine(builder, viewport, line.CoordinateSequence, clip);
                    break;
            }
        }
        return builder.Detach();
    }

    private static void AddClippedLine(SKPathBuilder builder, Viewport viewport, CoordinateSequence coords, SKRect clip)
    {
        if (coords.Count < 2) return;
        var previous = viewport.Project(coords.GetX(0), coords.GetY(0));
        bool penDown = false;
        for (int k = 1; k < coords.Count; k++)
        {
            var current = viewport.Project(coords.GetX(k), coords.GetY(k));
            // A segment can only be seen if it is not wholly on the far side of one clip edge.
            bool outside = (previous.X < clip.Left && current.X < clip.Left) || (previous.X > clip.Right && current.X > clip.Right) ||
                           (previous.Y < clip.Top && current.Y < clip.Top) || (previous.Y > clip.Bottom && current.Y > clip.Bottom);
            if (outside) penDown = false;
            else
            {
                if (!penDown) builder.MoveTo(previous);
                builder.LineTo(current);
                penDown = true;
            }
            previous = current;
        }
    }

    private static void AddRing(SKPathBuilder builder, Viewport viewport, CoordinateSequence coords, bool close)
    {
        if (coords.Count == 0) return;
        builder.MoveTo(viewport.Project(coords.GetX(0), coords.GetY(0)));
        for (int k = 1; k < coords.Count; k++) builder.LineTo(viewport.Project(coords.GetX(k), coords.GetY(k)));
        if (close) builder.Close();
    }

    private static SKColor Color(StyleExpression? expr, EvaluationContext ctx, SKColor fallback) =>
        expr?.Evaluate(ctx) is { } value && CssColor.TryParse(value, out var color) ? color : fallback;

    private static double Number(StyleExpression? expr, EvaluationContext ctx, double fallback) =>
        expr?.EvaluateNumber(ctx) ?? fallback;

    internal static SKColor WithOpacity(SKColor color, double opacity) =>
        color.WithAlpha((byte)Math.Round(color.Alpha * Math.Clamp(opacity, 0, 1)));

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex TokenPattern();
}
