using DesaGis.Core.Features;
using DesaGis.Core.Tiles;

namespace DesaGis.Core.Ogc;

/// <summary>
/// Scale arithmetic of map images: the MapLibre zoom at which the web viewer shows the same ground resolution as a
/// map image (so style values that change with zoom agree), and OGC scale denominators (0.28 mm pixels).
/// </summary>
public static class MapScale
{
    /// <summary>MapLibre draws the world 512 pixels wide at zoom 0.</summary>
    public const double TileSize = 512;

    /// <summary>The OGC standard rendering pixel: 0.28 mm.</summary>
    public const double StandardPixelMetres = 0.00028;

    /// <summary>
    /// The MapLibre zoom of an image of <paramref name="width"/> pixels showing <paramref name="box"/> (easting or
    /// longitude first) in <paramref name="crs"/>.
    /// </summary>
    public static double Zoom(BoundingBox box, int width, CrsDefinition crs)
    {
        double unitsPerPixel = box.Width / width;
        double mercatorMetresPerPixel;
        if (crs.Srid == 3857) mercatorMetresPerPixel = unitsPerPixel;
        else if (crs.Geographic) mercatorMetresPerPixel = unitsPerPixel * WebMercator.WorldSize / 360.0;
        else
        {
            // UTM: ground metres, which Web Mercator stretches by 1/cos(latitude); the latitude of the centre is close
            // enough from the northing (south zones count from 10,000 km).
            double northing = crs.Srid is > 32700 and < 32800 ? box.CenterY - 10_000_000 : box.CenterY;
            double latitude = Math.Clamp(northing / 110_574.0, -80, 84);
            mercatorMetresPerPixel = unitsPerPixel / Math.Cos(latitude * Math.PI / 180);
        }
        return Math.Log2(WebMercator.WorldSize / (TileSize * mercatorMetresPerPixel));
    }

    /// <summary>The scale denominator (0.28 mm pixels) of a MapLibre zoom, at the equator.</summary>
    public static double ScaleDenominator(double zoom) => WebMercator.WorldSize / (TileSize * Math.Pow(2, zoom)) / StandardPixelMetres;
}
