namespace DesaGis.Core.Indicators;

/// <summary>How many areas of one level have a value of an indicator for one year, of how many areas there are.</summary>
public sealed record IndicatorCoverage(string Level, int Year, int Areas, int Total, IReadOnlyList<string> Sources);
