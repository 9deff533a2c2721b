using DesaGis.Data.Planning;

namespace DesaGis.Server.Planner;

/// <summary>The body of <c>GET /planner/scenarios</c>.</summary>
public sealed record ScenarioList(IReadOnlyList<ScenarioSummary> Scenarios);
