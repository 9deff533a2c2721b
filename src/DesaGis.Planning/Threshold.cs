using DesaGis.Planning.Criteria;

namespace DesaGis.Planning;

/// <summary>A validated bound on a criterion's raw value (inclusive).</summary>
public sealed record Threshold(Criterion Criterion, double? Min, double? Max)
{
    /// <summary>Null when the village satisfies the bound, else why not.</summary>
    public string? Violation(Villages.PlannerVillage v)
    {
        var value = Criterion.ThresholdValue(v);
        if (value is not double x) return $"has no {Criterion.Id} value (threshold on {Criterion.Id})";
        if (Min is double lo && x < lo) return $"{Criterion.Id} {Fmt(x)} is below the minimum {Fmt(lo)}";
        if (Max is double hi && x > hi) return $"{Criterion.Id} {Fmt(x)} is above the maximum {Fmt(hi)}";
        return null;
    }

    internal static string Fmt(double x) => x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
