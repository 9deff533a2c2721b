using DesaGis.Core;
using DesaGis.Core.Tiles;
using SkiaSharp;

namespace DesaGis.Rendering.Drawing;

/// <summary>
/// Maps Web-Mercator to a rectangle of the page (in CSS pixels, 1/96 inch) the way the web viewer does, and knows
/// the MapLibre zoom that corresponds, so zoom-dependent style values print as they show on screen.
/// </summary>
public sealed class Viewport
{
    /// <summary>MapLibre's tile size in CSS pixels: zoom z shows the world 512·2^z pixels wide.</summary>
    public const double TileSize = 512;

    private Viewport(SKRect frame, BoundingBox mercator)
    {
        Frame = frame;
        Mercator = mercator;
        MetresPerPixel = mercator.Width / frame.Width;
        Zoom = Math.Log2(WebMercator.WorldSize / (TileSize * MetresPerPixel));
    }

    /// <summary>The page rectangle the map fills.</summary>
    public SKRect Frame { get; }

    /// <summary>The Web-Mercator box shown (the area, widened to the frame's proportions).</summary>
    public BoundingBox Mercator { get; }

    /// <summary>Web-Mercator metres per CSS pixel (ground metres are this times cos(latitude)).</summary>
    public double MetresPerPixel { get; }

    public double Zoom { get; }

    /// <summary>The lon/lat box shown.</summary>
    public BoundingBox LonLat => WebMercator.ToLonLat(Mercator);

    /// <summary>A viewport that shows a lon/lat box centred in the frame, with a margin (a share of the box) around it.</summary>
    public static Viewport Fit(BoundingBox lonLat, SKRect frame, double margin = 0.05)
    {
        var (minX, minY) = WebMercator.FromLonLat(lonLat.MinX, lonLat.MinY);
        var (maxX, maxY) = WebMercator.FromLonLat(lonLat.MaxX, lonLat.MaxY);
        // A point or a line still needs a visible area: at least about 500 m.
        double w = Math.Max(maxX - minX, 500), h = Math.Max(maxY - minY, 500);
        w *= 1 + 2 * margin;
        h *= 1 + 2 * margin;
        double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
        double frameAspect = frame.Width / frame.Height;
        if (w / h > frameAspect) h = w / frameAspect;
        else w = h * frameAspect;
        return new Viewport(frame, new BoundingBox(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2));
    }

    public SKPoint Project(double lon, double lat)
    {
        var (x, y) = WebMercator.FromLonLat(lon, lat);
        return ProjectMercator(x, y);
    }

    public SKPoint ProjectMercator(double x, double y) => new(
        (float)(Frame.Left + (x - Mercator.MinX) / MetresPerPixel),
        (float)(Frame.Top + (Mercator.MaxY - y) / MetresPerPixel));

    /// <summary>Ground metres per CSS pixel at the centre of the map.</summary>
    public double GroundMetresPerPixel
    {
        get
        {
            var (_, lat) = WebMercator.ToLonLat(Mercator.CenterX, Mercator.CenterY);
            return MetresPerPixel * Math.Cos(lat * Math.PI / 180);
        }
    }
}
