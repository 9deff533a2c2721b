namespace DesaGis.Data.Outlines;

/// <summary>What a check (or a build) found: the areas compared, those that disagree with their villages, and how many outlines were rebuilt.</summary>
public sealed record OutlineReport(int Compared, IReadOnlyList<OutlineMismatch> Mismatches, int Built);
