namespace DesaGis.Data.Registry;

/// <summary>
/// One village in a gap analysis: its need (the indicator's latest value up to the year; null when unmeasured) and
/// the programmes active there that year. <see cref="HighNeed"/> is null when the need is not known.
/// </summary>
public sealed record ProgramGapRow(
    string DesaKode, string DesaNama, string KecamatanKode, string? KecamatanNama, string KabupatenKode, string? KabupatenNama,
    double? NeedValue, int? NeedYear, bool? HighNeed, int ProgramCount,
    IReadOnlyList<string> Partners, IReadOnlyList<string> Sectors, IReadOnlyList<string> Programs, IReadOnlyList<string> OverlapSectors)
{
    /// <summary>High need and no active programme.</summary>
    public bool IsGap => HighNeed == true && ProgramCount == 0;

    /// <summary>Two or more active programmes of the same sector.</summary>
    public bool IsOverlap => OverlapSectors.Count > 0;
}
