namespace DesaGis.Data.Planning;

/// <summary>A saved scenario as listed: who saved what, when, and how many villages it holds.</summary>
public sealed record ScenarioSummary(long Id, string Name, string? Author, DateTimeOffset CreatedAt, string Method, int PilotCount, int CoveredCount);
