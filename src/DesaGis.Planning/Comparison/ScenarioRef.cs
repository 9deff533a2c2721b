namespace DesaGis.Planning.Comparison;

/// <summary>Which scenario a side of a comparison is.</summary>
public sealed record ScenarioRef(long Id, string Name, string Method);
