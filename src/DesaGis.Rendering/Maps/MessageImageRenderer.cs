using DesaGis.Rendering.Layout;
using SkiaSharp;

namespace DesaGis.Rendering.Maps;

/// <summary>
/// Draws a message into an image of the requested size (WMS EXCEPTIONS=INIMAGE), or nothing (BLANK): clients that
/// ask for this would rather show a picture than an XML document they cannot display.
/// </summary>
public static class MessageImageRenderer
{
    public static byte[] Render(string? message, int width, int height, MapImageFormat format, bool transparent)
    {
        width = Math.Clamp(width, 1, 4096);
        height = Math.Clamp(height, 1, 4096);
        var request = new MapImageRequest(new Core.BoundingBox(0, 0, 1, 1), width, height, 0, format, transparent, SKColors.White);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Skia could not allocate the image.");
        var canvas = surface.Canvas;
        canvas.Clear(transparent && format == MapImageFormat.Png ? SKColors.Transparent : SKColors.White);
        if (!string.IsNullOrEmpty(message))
        {
            using var font = PageFurniture.Font(11);
            using var paint = PageFurniture.TextPaint(new SKColor(0xb0, 0x00, 0x20));
            PageFurniture.DrawWrapped(canvas, message, 4, 4, width - 8, font, paint, height - 2);
        }
        canvas.Flush();
        using var pixmap = surface.PeekPixels();
        using var encoded = request.Format == MapImageFormat.Jpeg
            ? pixmap.Encode(new SKJpegEncoderOptions(MapImageRenderer.JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            : pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 4));
        return encoded?.ToArray() ?? throw new InvalidOperationException("Skia could not encode the image.");
    }
}
