using DesaGis.Rendering.Layout;
using SkiaSharp;

namespace DesaGis.Rendering.Legends;

/// <summary>
/// Draws a legend on its own (a WMS GetLegendGraphic): each group's title, then one swatch and label per class, with
/// the swatches of printed maps. The image is as large as its content needs.
/// </summary>
public static class LegendImageRenderer
{
    private const float Pad = 6;
    private const float Row = 16;
    private const float SwatchWidth = 20;

    /// <summary>Renders the groups as a PNG (transparent or white behind).</summary>
    public static byte[] RenderPng(IReadOnlyList<LegendGroup> groups, bool transparent, int maxWidth = 600)
    {
        using var titleFont = PageFurniture.Font(11, bold: true);
        using var itemFont = PageFurniture.Font(10);
        float width = 0, height = Pad;
        foreach (var group in groups)
        {
            width = Math.Max(width, titleFont.MeasureText(group.Title));
            height += Row + 2;
            foreach (var item in group.Items)
            {
                width = Math.Max(width, SwatchWidth + 6 + itemFont.MeasureText(item.Label));
                height += Row;
            }
            height += 4;
        }
        int w = (int)Math.Ceiling(Math.Min(maxWidth, Math.Max(40, width + 2 * Pad)));
        int h = (int)Math.Ceiling(Math.Max(20, height + Pad));
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Skia could not allocate the legend.");
        var canvas = surface.Canvas;
        canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
        using var text = PageFurniture.TextPaint();
        float y = Pad;
        foreach (var group in groups)
        {
            canvas.DrawText(PageFurniture.Ellipsize(group.Title, titleFont, w - 2 * Pad), Pad, y + 12, SKTextAlign.Left, titleFont, text);
            y += Row + 2;
            foreach (var item in group.Items)
            {
                PageFurniture.DrawSwatch(canvas, item, new SKRect(Pad, y + 2, Pad + SwatchWidth, y + 13));
                canvas.DrawText(PageFurniture.Ellipsize(item.Label, itemFont, w - 2 * Pad - SwatchWidth - 6), Pad + SwatchWidth + 6, y + 12,
                    SKTextAlign.Left, itemFont, text);
                y += Row;
            }
            y += 4;
        }
        canvas.Flush();
        using var pixmap = surface.PeekPixels();
        using var png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))
            ?? throw new InvalidOperationException("Skia could not encode the legend.");
        return png.ToArray();
    }
}
