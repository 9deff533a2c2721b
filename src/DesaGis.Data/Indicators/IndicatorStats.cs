namespace DesaGis.Data.Indicators;

/// <summary>
/// One indicator at one level (one year, or each area's latest): areas with a value of all areas, the value range,
/// quantile breaks, and the sources and years the values come from.
/// </summary>
public sealed record IndicatorStats(
    string Indicator, string Level, int? Year, int Areas, int Total, double? Min, double? Max,
    IReadOnlyList<double> Quantiles, IReadOnlyList<string> Sources, IReadOnlyList<int> Years);
