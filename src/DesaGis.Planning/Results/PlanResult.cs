using DesaGis.Planning.Requests;

namespace DesaGis.Planning.Results;

/// <summary>Everything a run produced: pilots with explanations, runners-up, robustness, coverage and warnings.</summary>
public sealed record PlanResult
{
    public string Id { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public required string Method { get; init; }
    public required PlanRequest Parameters { get; init; }
    public required PlanSummary Summary { get; init; }
    public required IReadOnlyList<SelectedVillage> Selected { get; init; }
    public required IReadOnlyList<RunnerUp> RunnersUp { get; init; }
    public RobustnessSummary? Robustness { get; init; }
    public required IReadOnlyList<CoveredVillage> Covered { get; init; }
    public ExactComparison? Exact { get; init; }
    public IReadOnlyList<PlanWarning> Warnings { get; init; } = [];

    /// <summary>Per criterion: how many candidates had a measured value, an inherited one, or none.</summary>
    public IReadOnlyList<CriterionCoverage>? Coverage { get; init; }
}
