namespace DesaGis.Planning.Comparison;

/// <summary>Two scenarios side by side: the pilots they share, the ones only one has and why, and what differs in the parameters.</summary>
public sealed record ScenarioComparison
{
    public required ScenarioRef A { get; init; }
    public required ScenarioRef B { get; init; }
    public required IReadOnlyList<SharedPilot> InBoth { get; init; }
    public required IReadOnlyList<DifferingPilot> OnlyInA { get; init; }
    public required IReadOnlyList<DifferingPilot> OnlyInB { get; init; }
    public required IReadOnlyList<ParameterDifference> ParameterDifferences { get; init; }
    public int CoveredA { get; init; }
    public int CoveredB { get; init; }
    public int CoveredOnlyInA { get; init; }
    public int CoveredOnlyInB { get; init; }
}
