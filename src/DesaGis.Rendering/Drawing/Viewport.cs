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

    private readonly bool _mapUnits;
    private readonly double _unitsPerPixelX;
    private readonly double _unitsPerPixelY;

    private Viewport(SKRect frame, BoundingBox mercator)
    {
        Frame = frame;
        Mercator = mercator;
        MetresPerPixel = mercator.Width / frame.Width;
        _unitsPerPixelX = _unitsPerPixelY = MetresPerPixel;
        Zoom = Math.Log2(WebMercator.WorldSize / (TileSize * MetresPerPixel));
    }

    private Viewport(SKRect frame, BoundingBox mapBox, double zoom)
    {
        _mapUnits = true;
        Frame = frame;
        Mercator = mapBox;
        _unitsPerPixelX = mapBox.Width / frame.Width;
        _unitsPerPixelY = mapBox.Height / frame.Height;
        MetresPerPixel = _unitsPerPixelX;
        Zoom = zoom;
    }

    /// <summary>
    /// A viewport whose features are already in the map's own CRS (a WMS map in EPSG:4326, UTM or Web Mercator): the
    /// box is stretched over the frame linearly (a box and a frame of different proportions distort the map, as WMS
    /// asks), and <paramref name="zoom"/> is the MapLibre zoom of the map's scale, for the style's zoom-dependent values.
    /// </summary>
    public static Viewport ForMapUnits(BoundingBox mapBox, SKRect frame, double zoom)
    {
        if (!(mapBox.Width > 0) || !(mapBox.Height > 0)) throw new ArgumentException("The map box has no area.", nameof(mapBox));
        return new Viewport(frame, mapBox, zoom);
    }

    /// <summary>The page rectangle the map fills.</summary>
    public SKRect Frame { get; }

    /// <summary>
    /// The Web-Mercator box shown (the area, widened to the frame's proportions); for a <see cref="ForMapUnits"/>
    /// viewport, the box in the map's own CRS.
    /// </summary>
    public BoundingBox Mercator { get; }

    /// <summary>Web-Mercator metres per CSS pixel (ground metres are this times cos(latitude)).</summary>
    public double MetresPerPixel { get; }

    public double Zoom { get; }

    /// <summary>The lon/lat box shown (printed maps; a <see cref="ForMapUnits"/> viewport has none).</summary>
    public BoundingBox LonLat => _mapUnits
        ? throw new InvalidOperationException("A viewport in map units does not know its longitude/latitude box.")
        : WebMercator.ToLonLat(Mercator);

    /// <summary>The box shown in the coordinates its features are given in: lon/lat, or map units for <see cref="ForMapUnits"/>.</summary>
    public BoundingBox DataBounds => _mapUnits ? Mercator : LonLat;

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

    /// <summary>Where a feature's coordinate falls in the frame: lon/lat for printed maps, map units for <see cref="ForMapUnits"/>.</summary>
    public SKPoint Project(double lon, double lat)
    {
        if (_mapUnits) return ProjectMercator(lon, lat);
        var (x, y) = WebMercator.FromLonLat(lon, lat);
        return ProjectMercator(x, y);
    }

    public SKPoint ProjectMercator(double x, double y) => new(
        (float)(Frame.Left + (x - Mercator.MinX) / _unitsPerPixelX),
        (float)(Frame.Top + (Mercator.MaxY - y) / _unitsPerPixelY));

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
