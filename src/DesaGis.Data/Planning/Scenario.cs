using DesaGis.Planning.Requests;
using DesaGis.Planning.Results;

namespace DesaGis.Data.Planning;

/// <summary>A saved scenario with its parameters and result.</summary>
public sealed record Scenario
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string Method { get; init; }
    public int PilotCount { get; init; }
    public int CoveredCount { get; init; }
    public required PlanRequest Parameters { get; init; }
    public required PlanResult Result { get; init; }
}
