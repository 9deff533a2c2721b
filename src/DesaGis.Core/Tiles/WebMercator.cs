namespace DesaGis.Core.Tiles;

/// <summary>Spherical Web-Mercator (EPSG:3857) arithmetic, the projection of WebMercatorQuad tiles.</summary>
public static class WebMercator
{
    public const double EarthRadius = 6378137.0;
    public const double HalfWorld = Math.PI * EarthRadius;
    public const double WorldSize = 2 * HalfWorld;

    /// <summary>Latitude beyond which Web-Mercator is undefined; the square world ends here.</summary>
    public const double MaxLatitude = 85.0511287798066;

    public static (double X, double Y) FromLonLat(double lon, double lat)
    {
        lat = Math.Clamp(lat, -MaxLatitude, MaxLatitude);
        double x = lon * HalfWorld / 180.0;
        double y = Math.Log(Math.Tan((90.0 + lat) * Math.PI / 360.0)) * EarthRadius;
        return (x, y);
    }

    public static (double Lon, double Lat) ToLonLat(double x, double y)
    {
        double lon = x / HalfWorld * 180.0;
        double lat = (2 * Math.Atan(Math.Exp(y / EarthRadius)) - Math.PI / 2) * 180.0 / Math.PI;
        return (lon, lat);
    }

    public static BoundingBox ToLonLat(BoundingBox box3857)
    {
        var (minLon, minLat) = ToLonLat(box3857.MinX, box3857.MinY);
        var (maxLon, maxLat) = ToLonLat(box3857.MaxX, box3857.MaxY);
        return new BoundingBox(minLon, minLat, maxLon, maxLat);
    }

    /// <summary>The tile containing a lon/lat point at a zoom.</summary>
    public static TileCoord TileAt(double lon, double lat, int zoom)
    {
        int n = 1 << zoom;
        var (x, y) = FromLonLat(lon, lat);
        int tx = (int)Math.Floor((x + HalfWorld) / WorldSize * n);
        int ty = (int)Math.Floor((HalfWorld - y) / WorldSize * n);
        return TileCoord.Create(zoom, Math.Clamp(tx, 0, n - 1), Math.Clamp(ty, 0, n - 1));
    }

    /// <summary>How many tiles of the zoom levels <paramref name="minZoom"/>…<paramref name="maxZoom"/> cover a lon/lat box.</summary>
    public static long CountTiles(BoundingBox lonLat, int minZoom, int maxZoom)
    {
        long count = 0;
        for (int z = minZoom; z <= maxZoom; z++)
        {
            var nw = TileAt(lonLat.MinX, lonLat.MaxY, z);
            var se = TileAt(lonLat.MaxX, lonLat.MinY, z);
            count += (long)(Math.Abs(se.X - nw.X) + 1) * (Math.Abs(se.Y - nw.Y) + 1);
        }
        return count;
    }

    /// <summary>All tiles at a zoom that intersect a lon/lat box, row by row.</summary>
    public static IEnumerable<TileCoord> TilesCovering(BoundingBox lonLat, int zoom)
    {
        var nw = TileAt(lonLat.MinX, lonLat.MaxY, zoom);
        var se = TileAt(lonLat.MaxX, lonLat.MinY, zoom);
        for (int y = nw.Y; y <= se.Y; y++)
            for (int x = nw.X; x <= se.X; x++)
                yield return TileCoord.Create(zoom, x, y);
    }

    /// <summary>Ground size of one pixel of a 256-pixel tile at a zoom, in metres at the equator.</summary>
    public static double MetresPerPixel(int zoom, int tileSize = 256) => WorldSize / tileSize / (1L << zoom);
}
