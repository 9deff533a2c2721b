using DesaGis.Core.Mapping;
using DesaGis.Rendering.Expressions;
using DesaGis.Rendering.Styles;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace DesaGis.Integration.Tests.Ows;

/// <summary>
/// The colour the map style gives a village's interior, read from styles/desagis.json itself (every fill layer of
/// the village layer that accepts the feature, composited over the background), so tests follow the style when its
/// palette changes.
/// </summary>
public static class StyleColours
{
    public static MapStyle Style { get; } = StyleLocator.LoadMainOrDefault();

    /// <summary>The composite of the village fills over the background; with <paramref name="opaque"/>, their colours without opacity (as legends show them).</summary>
    public static SKColor VillageFill(double? povertyRate, double zoom, SKColor background, MapStyle? style = null, bool opaque = false)
    {
        style ??= Style;
        var attributes = new Dictionary<string, object?>();
        if (povertyRate is double r) attributes["poverty_rate"] = r;
        var feature = new MapFeature("x", new GeometryFactory().ToGeometry(new Envelope(0, 1, 0, 1)), attributes);
        var ctx = new EvaluationContext(zoom, feature);
        double red = background.Red, green = background.Green, blue = background.Blue;
        foreach (var layer in style.Layers.Where(l => l.SourceLayer == "village_indicators" && l.Type == StyleLayerType.Fill && l.IsShownAt(zoom)))
        {
            if (!layer.Accepts(feature, zoom)) continue;
            if (layer.PaintProperty("fill-color")?.Evaluate(ctx) is not { } value || !CssColor.TryParse(value, out var c)) continue;
            double a = opaque ? 1 : c.Alpha / 255.0 * (layer.PaintProperty("fill-opacity")?.EvaluateNumber(ctx) ?? 1);
            red = red * (1 - a) + c.Red * a;
            green = green * (1 - a) + c.Green * a;
            blue = blue * (1 - a) + c.Blue * a;
        }
        return new SKColor((byte)Math.Round(red), (byte)Math.Round(green), (byte)Math.Round(blue));
    }

    /// <summary>The colour of a style's background layer.</summary>
    public static SKColor Background(MapStyle style) =>
        style.Layers.FirstOrDefault(l => l.Type == StyleLayerType.Background)?.PaintProperty("background-color")?.Evaluate(new EvaluationContext(0, null))
            is { } v && CssColor.TryParse(v, out var c) ? c : SKColors.White;

    /// <summary>Asserts two colours are within a few levels per channel (anti-aliasing and PNG rounding).</summary>
    public static void Near(SKColor expected, SKColor actual, int tolerance = 4, string? where = null)
    {
        bool near = Math.Abs(expected.Red - actual.Red) <= tolerance && Math.Abs(expected.Green - actual.Green) <= tolerance &&
                    Math.Abs(expected.Blue - actual.Blue) <= tolerance;
        Assert.True(near, $"{where}: expected {expected}, got {actual}");
    }
}
