using DesaGis.Planning.Requests;

namespace DesaGis.Server.Planner;

/// <summary>The body of <c>POST /planner/scenarios</c>: a name, and either a kept run's id or parameters to run.</summary>
public sealed record SaveScenarioRequest
{
    public string? Name { get; init; }
    public string? Author { get; init; }
    public string? RunId { get; init; }
    public PlanRequest? Parameters { get; init; }
}
