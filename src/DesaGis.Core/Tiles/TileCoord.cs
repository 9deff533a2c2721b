namespace DesaGis.Core.Tiles;

/// <summary>A tile address in the WebMercatorQuad tile matrix set (XYZ scheme, y counted from the north).</summary>
public readonly record struct TileCoord
{
    /// <summary>The deepest zoom the server accepts; deeper tiles add nothing to village-scale data.</summary>
    public const int MaxZoom = 24;

    public int Z { get; }
    public int X { get; }
    public int Y { get; }

    private TileCoord(int z, int x, int y) => (Z, X, Y) = (z, x, y);

    /// <summary>Validates a tile address; returns null and a reason when it is not a tile.</summary>
    public static TileCoord? TryCreate(long z, long x, long y, out string? error)
    {
        error = null;
        if (z < 0 || z > MaxZoom)
        {
            error = $"Zoom {z} is outside 0–{MaxZoom}.";
            return null;
        }
        long n = 1L << (int)z;
        if (x < 0 || x >= n || y < 0 || y >= n)
        {
            error = $"Tile {z}/{x}/{y} does not exist: at zoom {z}, x and y must be between 0 and {n - 1}.";
            return null;
        }
        return new TileCoord((int)z, (int)x, (int)y);
    }

    /// <summary>Creates a tile address, throwing when it is invalid (for code paths that already validated).</summary>
    public static TileCoord Create(int z, int x, int y) =>
        TryCreate(z, x, y, out var error) ?? throw new ArgumentOutOfRangeException(nameof(z), error);

    /// <summary>The tile's envelope in EPSG:3857 metres.</summary>
    public BoundingBox Envelope3857()
    {
        double size = WebMercator.WorldSize / (1L << Z);
        double minX = -WebMercator.HalfWorld + X * size;
        double maxY = WebMercator.HalfWorld - Y * size;
        return new BoundingBox(minX, maxY - size, minX + size, maxY);
    }

    /// <summary>The tile's envelope in longitude/latitude degrees.</summary>
    public BoundingBox EnvelopeLonLat() => WebMercator.ToLonLat(Envelope3857());

    /// <summary>The parent tile at the zoom above, or null at zoom 0.</summary>
    public TileCoord? Parent => Z == 0 ? null : new TileCoord(Z - 1, X / 2, Y / 2);

    /// <summary>The TMS row (y counted from the south), as MBTiles stores it.</summary>
    public int TmsY => (1 << Z) - 1 - Y;

    public override string ToString() => $"{Z}/{X}/{Y}";
}
