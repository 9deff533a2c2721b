namespace DesaGis.Planning.Criteria;

/// <summary>
/// A criterion's public id, default direction and description (English and Bahasa Indonesia), and the catalog
/// indicator it reads, when it reads one.
/// </summary>
public sealed record CriterionInfo(string Id, CriterionKind Kind, Direction DefaultDirection, string Description, string DescriptionId, string? IndicatorCode = null);
