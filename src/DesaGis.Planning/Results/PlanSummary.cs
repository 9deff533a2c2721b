namespace DesaGis.Planning.Results;

/// <summary>Counts of a run.</summary>
public sealed record PlanSummary(int Candidates, int Eligible, int Selected, int Covered, double CoveredWeight, double CoverageShare);
