namespace DesaGis.Planning.Requests;

/// <summary>Weight-perturbation robustness settings.</summary>
public sealed record RobustnessRequest
{
    public int? Draws { get; init; }

    /// <summary>Relative perturbation of each weight, e.g. 0.2 for ±20 %.</summary>
    public double? Perturbation { get; init; }
    public int? Seed { get; init; }
}
