namespace DesaGis.Planning.Criteria;

/// <summary>A criterion's public id, default direction and description.</summary>
public sealed record CriterionInfo(string Id, CriterionKind Kind, Direction DefaultDirection, string Description);
