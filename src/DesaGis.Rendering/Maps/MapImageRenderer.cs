using DesaGis.Core.Mapping;
using DesaGis.Rendering.Drawing;
using DesaGis.Rendering.Styles;
using SkiaSharp;

namespace DesaGis.Rendering.Maps;

/// <summary>
/// Draws a map image (a WMS GetMap) with the same renderer, style and labels as printed maps: the features, already
/// in the map's CRS, are stretched linearly over the image, and the style is evaluated at the MapLibre zoom of the
/// image's scale, so a WMS tile looks like the web viewer at that scale.
/// </summary>
public static class MapImageRenderer
{
    /// <summary>JPEG quality: maps have flat colours and text, which lower qualities smear.</summary>
    public const int JpegQuality = 88;

    /// <summary>Renders and encodes the image.</summary>
    public static byte[] Render(MapStyle style, MapData data, MapImageRequest request)
    {
        if (request.Width < 1 || request.Height < 1) throw new ArgumentException("The image has no pixels.", nameof(request));
        bool transparent = request.Transparent && request.Format == MapImageFormat.Png;
        var info = new SKImageInfo(request.Width, request.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Skia could not allocate the image.");
        var canvas = surface.Canvas;
        canvas.Clear(transparent ? SKColors.Transparent : request.Background.WithAlpha(255));
        var viewport = Viewport.ForMapUnits(request.Box, new SKRect(0, 0, request.Width, request.Height), request.Zoom);
        new MapRenderer(style).Draw(canvas, viewport, data);
        canvas.Flush();
        using var pixmap = surface.PeekPixels();
        using var encoded = request.Format == MapImageFormat.Jpeg
            ? pixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            // Flat map colours: the Sub filter at a middling level is much faster than the full search, at about the same size.
            : pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 4));
        return encoded?.ToArray() ?? throw new InvalidOperationException("Skia could not encode the image.");
    }
}
