namespace DesaGis.Planning;

/// <summary>One problem with a plan: where in the request (a JSON path) and what to change.</summary>
public sealed record PlanError(string Path, string Message);
