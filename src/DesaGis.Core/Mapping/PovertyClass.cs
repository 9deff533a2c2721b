namespace DesaGis.Core.Mapping;

/// <summary>
/// The poverty-rate classes of DesaGis maps (P0, percent), the classes of the viewer's style (styles/desagis.json),
/// used where a style is not at hand (KML) so that a class has one colour everywhere.
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
        new("nodata", "Tidak ada data / no data", "#d9d9d9", null, null),
        new("p0-5", "< 5 %", "#ffffb2", 0, 5),
        new("p5-10", "5–10 %", "#fed976", 5, 10),
        new("p10-15", "10–15 %", "#feb24c", 10, 15),
        new("p15-20", "15–20 %", "#fd8d3c", 15, 20),
        new("p20-30", "20–30 %", "#f03b20", 20, 30),
        new("p30", "≥ 30 %", "#bd0026", 30, null),
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
