namespace DesaGis.Data.Registry;

/// <summary>Coverage of one group (a kecamatan, a partner or a sector) in a gap analysis.</summary>
public sealed record ProgramGapCount(string Key, string? Name, int Villages, int Covered, int HighNeed, int HighNeedCovered, int Gaps, int Overlaps);
