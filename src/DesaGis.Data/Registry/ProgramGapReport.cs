namespace DesaGis.Data.Registry;

/// <summary>A gap and overlap analysis of an area in a year, by an indicator of need.</summary>
public sealed record ProgramGapReport(
    string Area, int Year, string Indicator, string IndicatorNameId, string IndicatorNameEn, string Direction,
    double? Threshold, bool ThresholdGiven, IReadOnlyList<ProgramGapRow> Villages)
{
    public int Measured => Villages.Count(v => v.NeedValue is not null);
    public int Gaps => Villages.Count(v => v.IsGap);
    public int Overlaps => Villages.Count(v => v.IsOverlap);

    public IReadOnlyList<ProgramGapCount> ByKecamatan => Group(Villages.Select(v => (v.KecamatanKode, v.KecamatanNama, v)));

    public IReadOnlyList<ProgramGapCount> ByPartner => Group(Villages.SelectMany(v => v.Partners.Select(p => (p, (string?)null, v))));

    public IReadOnlyList<ProgramGapCount> BySector => Group(Villages.SelectMany(v => v.Sectors.Select(s => (s, (string?)null, v))));

    private static List<ProgramGapCount> Group(IEnumerable<(string Key, string? Name, ProgramGapRow Row)> rows) =>
        rows.GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => new ProgramGapCount(g.Key, g.First().Name, g.Count(), g.Count(r => r.Row.ProgramCount > 0),
                g.Count(r => r.Row.HighNeed == true), g.Count(r => r.Row.HighNeed == true && r.Row.ProgramCount > 0),
                g.Count(r => r.Row.IsGap), g.Count(r => r.Row.IsOverlap)))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
}
