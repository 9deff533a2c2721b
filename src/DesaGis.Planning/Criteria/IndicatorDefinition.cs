namespace DesaGis.Planning.Criteria;

/// <summary>
/// A catalog indicator as the planner sees it: any indicator can be a criterion, since a village either has its own
/// value or can inherit one from its kecamatan, kabupaten or province.
/// </summary>
/// <param name="Code">The catalog code.</param>
/// <param name="NameId">Its name in Bahasa Indonesia.</param>
/// <param name="NameEn">Its name in English.</param>
/// <param name="DefaultDirection">
/// From the catalog's direction: higher_worse → benefit (where it is worse a pilot is needed more), higher_better →
/// cost; null for a neutral indicator, which needs a direction in the request.
/// </param>
public sealed record IndicatorDefinition(string Code, string NameId, string NameEn, Direction? DefaultDirection);
