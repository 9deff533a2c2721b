namespace DesaGis.Core.Tiles;

/// <summary>
/// The OGC WebMercatorQuad tile matrix set (OGC 17-083r4, Tile Matrix Set 2.0 JSON encoding): 256-pixel tiles in
/// EPSG:3857 with the origin at the top-left corner, the same grid as XYZ tiles (tileMatrix = z, tileRow = y,
/// tileCol = x).
/// </summary>
public static class WebMercatorQuad
{
    public const string Id = "WebMercatorQuad";
    public const string Uri = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public const string Crs = "http://www.opengis.net/def/crs/EPSG/0/3857";

    /// <summary>The standardised rendering pixel size (0.28 mm) that turns cell size into a scale denominator.</summary>
    public const double StandardPixelSize = 0.00028;

    /// <summary>The deepest tile matrix listed.</summary>
    public const int MaxTileMatrix = TileCoord.MaxZoom;

    /// <summary>The tile matrix set definition as a JSON-ready object.</summary>
    public static object Definition() => new Dictionary<string, object>
    {
        ["id"] = Id,
        ["title"] = "Google Maps Compatible for the World",
        ["uri"] = Uri,
        ["crs"] = Crs,
        ["orderedAxes"] = new[] { "X", "Y" },
        ["wellKnownScaleSet"] = "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible",
        ["tileMatrices"] = Enumerable.Range(0, MaxTileMatrix + 1).Select(TileMatrix).ToList(),
    };

    public static Dictionary<string, object> TileMatrix(int zoom)
    {
        double cellSize = WebMercator.WorldSize / 256 / Math.Pow(2, zoom);
        long n = 1L << zoom;
        return new Dictionary<string, object>
        {
            ["id"] = zoom.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["scaleDenominator"] = cellSize / StandardPixelSize,
            ["cellSize"] = cellSize,
            ["cornerOfOrigin"] = "topLeft",
            ["pointOfOrigin"] = new[] { -WebMercator.HalfWorld, WebMercator.HalfWorld },
            ["tileWidth"] = 256,
            ["tileHeight"] = 256,
            ["matrixWidth"] = n,
            ["matrixHeight"] = n,
        };
    }
}
