using System.Globalization;

namespace DesaGis.Core;

/// <summary>An axis-aligned box (minX, minY, maxX, maxY) in some CRS's easting/northing or lon/lat order.</summary>
public readonly record struct BoundingBox(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Width => MaxX - MinX;
    public double Height => MaxY - MinY;
    public double CenterX => (MinX + MaxX) / 2;
    public double CenterY => (MinY + MaxY) / 2;

    public bool Intersects(BoundingBox other) =>
        MinX <= other.MaxX && other.MinX <= MaxX && MinY <= other.MaxY && other.MinY <= MaxY;

    public BoundingBox Union(BoundingBox other) =>
        new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));

    public BoundingBox Expand(double margin) => new(MinX - margin, MinY - margin, MaxX + margin, MaxY + margin);

    /// <summary>
    /// Parses "minx,miny,maxx,maxy" (4 numbers; 6 with heights, which are dropped). Rejects NaN, infinities and
    /// inverted boxes; a box whose minX is greater than maxX is only allowed in lon/lat, where it crosses the antimeridian.
    /// </summary>
    public static bool TryParse(string? text, out BoundingBox box, out string? error, bool allowAntimeridian = true)
    {
        box = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The bbox is empty; give four numbers: minx,miny,maxx,maxy.";
            return false;
        }
        var parts = text.Split(',');
        if (parts.Length is not (4 or 6))
        {
            error = $"The bbox has {parts.Length} values; give four numbers (minx,miny,maxx,maxy) or six with heights.";
            return false;
        }
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) ||
                !double.IsFinite(values[i]))
            {
                error = $"The bbox value '{Truncate(parts[i])}' is not a finite number.";
                return false;
            }
        }
        box = parts.Length == 4
            ? new BoundingBox(values[0], values[1], values[2], values[3])
            : new BoundingBox(values[0], values[1], values[3], values[4]);
        if (box.MinY > box.MaxY)
        {
            error = $"The bbox is inverted: miny ({box.MinY.ToString(CultureInfo.InvariantCulture)}) is greater than maxy ({box.MaxY.ToString(CultureInfo.InvariantCulture)}).";
            return false;
        }
        if (box.MinX > box.MaxX && !allowAntimeridian)
        {
            error = $"The bbox is inverted: minx ({box.MinX.ToString(CultureInfo.InvariantCulture)}) is greater than maxx ({box.MaxX.ToString(CultureInfo.InvariantCulture)}).";
            return false;
        }
        return true;
    }

    /// <summary>True when the box is in lon/lat and crosses the antimeridian (minX greater than maxX).</summary>
    public bool CrossesAntimeridian => MinX > MaxX;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MinX},{MinY},{MaxX},{MaxY}");

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
