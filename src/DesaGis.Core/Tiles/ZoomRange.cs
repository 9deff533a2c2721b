using System.Globalization;

namespace DesaGis.Core.Tiles;

/// <summary>An inclusive range of zoom levels, written "5-12" or "8".</summary>
public readonly record struct ZoomRange(int Min, int Max)
{
    public IEnumerable<int> Levels => Enumerable.Range(Min, Max - Min + 1);

    public static bool TryParse(string? text, out ZoomRange range, out string? error)
    {
        range = default;
        error = null;
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || parts.Any(p => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            error = $"'{text}' is not a zoom range; write it as 5-12 or as one zoom such as 8.";
            return false;
        }
        int min = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int max = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : min;
        if (min > max || max > TileCoord.MaxZoom)
        {
            error = $"The zoom range {min}-{max} must run upwards and stay within 0–{TileCoord.MaxZoom}.";
            return false;
        }
        range = new ZoomRange(min, max);
        return true;
    }

    public override string ToString() => Min == Max ? Min.ToString(CultureInfo.InvariantCulture) : $"{Min}-{Max}";
}
