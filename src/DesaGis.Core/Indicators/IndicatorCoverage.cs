namespace DesaGis.Core.Indicators;

/// <summary>
/// How many areas of one level that DesaGis holds have a value of an indicator for one year, of how many areas of
/// that level it holds, and from which sources. <see cref="Unmatched"/> counts values stored for codes DesaGis has no
/// area for (yet): kept, never drawn or counted as coverage.
/// </summary>
public sealed record IndicatorCoverage(string Level, int Year, int Areas, int Total, IReadOnlyList<string> Sources, int Unmatched = 0);
