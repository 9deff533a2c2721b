namespace DesaGis.Core.Mapping;

/// <summary>
/// The poverty-rate classes of DesaGis maps (P0, percent), shared by the printed map's legend, KML styling and the
/// web style so that a class has one colour everywhere.
/// </summary>
/// <param name="Key">A stable key (used as a KML style id).</param>
/// <param name="Label">The legend label.</param>
/// <param name="Color">The fill colour, <c>#rrggbb</c>.</param>
/// <param name="Min">The lower bound (inclusive), or null for "no data".</param>
/// <param name="Max">The upper bound (exclusive), or null when open.</param>
public sealed record PovertyClass(string Key, string Label, string Color, double? Min, double? Max)
{
    public static readonly IReadOnlyList<PovertyClass> All =
    [
        new("nodata", "Tidak ada data", "#d9d9d9", null, null),
        new("p0-10", "< 10 %", "#ffffcc", 0, 10),
        new("p10-15", "10–15 %", "#fed976", 10, 15),
        new("p15-20", "15–20 %", "#fd8d3c", 15, 20),
        new("p20-30", "20–30 %", "#e31a1c", 20, 30),
        new("p30", "≥ 30 %", "#800026", 30, null),
    ];

    /// <summary>The class of a poverty rate (null means no data).</summary>
    public static PovertyClass Of(double? rate)
    {
        if (rate is not double r || double.IsNaN(r)) return All[0];
        foreach (var c in All.Skip(1))
            if (r >= c.Min && (c.Max is null || r < c.Max)) return c;
        return All[1];
    }
}
