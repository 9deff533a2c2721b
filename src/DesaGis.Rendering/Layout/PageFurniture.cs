using System.Globalization;
using DesaGis.Core;
using DesaGis.Rendering.Drawing;
using DesaGis.Rendering.Fonts;
using DesaGis.Rendering.Legends;
using SkiaSharp;

namespace DesaGis.Rendering.Layout;

/// <summary>The parts of a printed page around the map: coordinate grid, scale bar, north arrow, legend, overview and text.</summary>
internal static class PageFurniture
{
    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor Muted = new(0x55, 0x55, 0x55);

    public static SKFont Font(float size, bool bold = false) => FontLibrary.CreateFont(bold ? FontLibrary.Bold : FontLibrary.Regular, size);

    public static SKPaint TextPaint(SKColor? color = null) => new() { Color = color ?? Ink, IsAntialias = true };

    /// <summary>Longitude/latitude lines at a round interval, labelled outside the frame (top and left).</summary>
    public static void DrawGrid(SKCanvas canvas, Viewport viewport)
    {
        var box = viewport.LonLat;
        double step = NiceStep(Math.Max(box.Width, box.Height) / 5);
        using var line = new SKPaint { Color = Muted.WithAlpha(140), Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true };
        using var font = Font(9);
        using var text = TextPaint(Muted);
        var frame = viewport.Frame;
        int decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(step)));
        for (double lon = Math.Ceiling(box.MinX / step) * step; lon <= box.MaxX; lon += step)
        {
            float x = viewport.Project(lon, box.CenterY).X;
            canvas.Save();
            canvas.ClipRect(frame);
            canvas.DrawLine(x, frame.Top, x, frame.Bottom, line);
            canvas.Restore();
            canvas.DrawText(FormatLon(lon, decimals), x, frame.Top - 4, SKTextAlign.Center, font, text);
        }
        for (double lat = Math.Ceiling(box.MinY / step) * step; lat <= box.MaxY; lat += step)
        {
            float y = viewport.Project(box.CenterX, lat).Y;
            canvas.Save();
            canvas.ClipRect(frame);
            canvas.DrawLine(frame.Left, y, frame.Right, y, line);
            canvas.Restore();
            canvas.DrawText(FormatLat(lat, decimals), frame.Left - 4, y + 3, SKTextAlign.Right, font, text);
        }
    }

    public static string FormatLon(double lon, int decimals) =>
        Math.Abs(lon).ToString("F" + decimals, CultureInfo.InvariantCulture) + (lon < 0 ? "°W" : "°E");

    public static string FormatLat(double lat, int decimals) =>
        Math.Abs(Math.Round(lat, decimals)) == 0 ? "0°" : Math.Abs(lat).ToString("F" + decimals, CultureInfo.InvariantCulture) + (lat < 0 ? "°S" : "°N");

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough)) return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * magnitude >= rough) return m * magnitude;
        return 10 * magnitude;
    }

    /// <summary>A scale bar of a round ground length in the lower left of the map, on a white backing.</summary>
    public static void DrawScaleBar(SKCanvas canvas, Viewport viewport)
    {
        double metresPerPixel = viewport.GroundMetresPerPixel;
        double metres = NiceStep(metresPerPixel * 110);
        float length = (float)(metres / metresPerPixel);
        var frame = viewport.Frame;
        float x = frame.Left + 12, y = frame.Bottom - 16;
        string label = metres >= 1000 ? (metres / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " km" : metres.ToString("0", CultureInfo.InvariantCulture) + " m";
        using var font = Font(9);
        using var backing = new SKPaint { Color = SKColors.White.WithAlpha(220), Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(x - 6, y - 20, x + length + 40, y + 8), backing);
        using var black = new SKPaint { Color = Ink, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        using var outline = new SKPaint { Color = Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
        float half = length / 2;
        canvas.DrawRect(new SKRect(x, y - 4, x + half, y), black);
        canvas.DrawRect(new SKRect(x + half, y - 4, x + length, y), white);
        canvas.DrawRect(new SKRect(x, y - 4, x + length, y), outline);
        using var text = TextPaint();
        canvas.DrawText("0", x, y - 7, SKTextAlign.Center, font, text);
        canvas.DrawText(label, x + length, y - 7, SKTextAlign.Center, font, text);
    }

    /// <summary>The representative fraction of the printed map (1 CSS pixel is 1/96 inch of paper).</summary>
    public static double ScaleDenominator(Viewport viewport) => viewport.GroundMetresPerPixel / (0.0254 / 96);

    /// <summary>A north arrow in the upper right of the map (Web-Mercator keeps north up).</summary>
    public static void DrawNorthArrow(SKCanvas canvas, Viewport viewport)
    {
        var frame = viewport.Frame;
        float cx = frame.Right - 24, top = frame.Top + 12;
        using var backing = new SKPaint { Color = SKColors.White.WithAlpha(220), Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawCircle(cx, top + 22, 17, backing);
        using var builder = new SKPathBuilder();
        builder.MoveTo(cx, top + 6);
        builder.LineTo(cx + 7, top + 32);
        builder.LineTo(cx, top + 26);
        builder.LineTo(cx - 7, top + 32);
        builder.Close();
        using var arrow = builder.Detach();
        using var fill = new SKPaint { Color = Ink, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawPath(arrow, fill);
        using var font = Font(9, bold: true);
        using var text = TextPaint();
        canvas.DrawText("U", cx, top + 3, SKTextAlign.Center, font, text);
    }

    /// <summary>Draws the legend top-down in a column; returns the y below it.</summary>
    public static float DrawLegend(SKCanvas canvas, IReadOnlyList<LegendGroup> groups, float x, float y, float width, float bottom)
    {
        using var heading = Font(12, bold: true);
        using var groupFont = Font(10, bold: true);
        using var itemFont = Font(9);
        using var text = TextPaint();
        canvas.DrawText("Legenda", x, y + 12, SKTextAlign.Left, heading, text);
        y += 20;
        foreach (var group in groups)
        {
            if (y + 28 > bottom) break;
            canvas.DrawText(Ellipsize(group.Title, groupFont, width), x, y + 10, SKTextAlign.Left, groupFont, text);
            y += 15;
            foreach (var item in group.Items)
            {
                if (y + 13 > bottom) break;
                DrawSwatch(canvas, item, new SKRect(x, y + 1, x + 20, y + 11));
                canvas.DrawText(Ellipsize(item.Label, itemFont, width - 26), x + 26, y + 10, SKTextAlign.Left, itemFont, text);
                y += 14;
            }
            y += 5;
        }
        return y;
    }

    internal static void DrawSwatch(SKCanvas canvas, LegendItem item, SKRect rect)
    {
        using var paint = new SKPaint { Color = item.Color, IsAntialias = true };
        using var border = new SKPaint { Color = item.Outline ?? Muted, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true };
        switch (item.Symbol)
        {
            case LegendSymbol.Fill:
                canvas.DrawRect(rect, paint);
                canvas.DrawRect(rect, border);
                break;
            case LegendSymbol.Line:
                // A pale line (white village borders) would vanish on white paper: show it on a grey chip.
                if (item.Color.Red + item.Color.Green + item.Color.Blue > 600)
                {
                    using var chip = new SKPaint { Color = new SKColor(0xbb, 0xbb, 0xbb) };
                    canvas.DrawRect(rect, chip);
                }
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = 2;
                canvas.DrawLine(rect.Left, rect.MidY, rect.Right, rect.MidY, paint);
                break;
            default:
                canvas.DrawCircle(rect.MidX, rect.MidY, 4.5f, paint);
                canvas.DrawCircle(rect.MidX, rect.MidY, 4.5f, border);
                break;
        }
    }

    /// <summary>Wraps text to lines no wider than the width; returns the y below the last line.</summary>
    public static float DrawWrapped(SKCanvas canvas, string content, float x, float y, float width, SKFont font, SKPaint paint, float bottom)
    {
        float lineHeight = font.Size * 1.3f;
        foreach (var line in Wrap(content, font, width))
        {
            if (y + lineHeight > bottom) break;
            canvas.DrawText(line, x, y + font.Size, SKTextAlign.Left, font, paint);
            y += lineHeight;
        }
        return y;
    }

    public static IEnumerable<string> Wrap(string content, SKFont font, float width)
    {
        var current = "";
        foreach (var word in content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && font.MeasureText(candidate) > width)
            {
                yield return current;
                current = word;
            }
            else current = candidate;
        }
        if (current.Length > 0) yield return current;
    }

    public static string Ellipsize(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        while (text.Length > 1 && font.MeasureText(text + "…") > width) text = text[..^1];
        return text + "…";
    }

    /// <summary>The union of the features' envelopes, in lon/lat.</summary>
    public static BoundingBox? Envelope(IEnumerable<NetTopologySuite.Geometries.Geometry> geometries)
    {
        BoundingBox? box = null;
        foreach (var g in geometries)
        {
            if (g is null || g.IsEmpty) continue;
            var e = g.EnvelopeInternal;
            var b = new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY);
            box = box is { } existing ? existing.Union(b) : b;
        }
        return box;
    }
}
