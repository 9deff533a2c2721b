namespace DesaGis.Core.Indicators;

/// <summary>One entry of the indicator catalog: what is measured, where, and how to read it.</summary>
public sealed record Indicator
{
    /// <summary>The catalog key (lower case, digits and underscores), e.g. <c>idm_score</c>.</summary>
    public required string Code { get; init; }
    public required string NameId { get; init; }
    public required string NameEn { get; init; }
    public string? Unit { get; init; }
    /// <summary>The levels the indicator exists at: desa, kecamatan, kabupaten, provinsi.</summary>
    public required IReadOnlyList<string> Levels { get; init; }
    /// <summary>higher_better, higher_worse or neutral.</summary>
    public required string Direction { get; init; }
    /// <summary>number (value) or category (value_text, one of <see cref="Categories"/>).</summary>
    public required string Kind { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    /// <summary>Official class breaks, ascending, or null when the indicator has none.</summary>
    public IReadOnlyList<double>? Breaks { get; init; }
    public IReadOnlyList<string>? BreakLabels { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public bool IntegerValues { get; init; }
    public string? Description { get; init; }
    public string? DescriptionEn { get; init; }
    /// <summary>Per level and year: how many areas have a value, of how many, from which sources.</summary>
    public IReadOnlyList<IndicatorCoverage> Coverage { get; init; } = [];

    public const string HigherBetter = "higher_better";
    public const string HigherWorse = "higher_worse";
    public const string Neutral = "neutral";
    public static readonly IReadOnlyList<string> Directions = [HigherBetter, HigherWorse, Neutral];
    public static readonly IReadOnlyList<string> AllLevels = ["desa", "kecamatan", "kabupaten", "provinsi"];
}
