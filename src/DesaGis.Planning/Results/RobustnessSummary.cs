namespace DesaGis.Planning.Results;

/// <summary>How the selection held up under seeded draws of the weights and of every value that is not measured.</summary>
/// <param name="Draws">Number of perturbed re-runs.</param>
/// <param name="Perturbation">Relative weight perturbation (0.2 = ±20 %).</param>
/// <param name="Seed">Seed of the draws.</param>
/// <param name="MeanOverlap">Mean share of the pilots that stay selected in a draw.</param>
public sealed record RobustnessSummary(int Draws, double Perturbation, int Seed, double MeanOverlap)
{
    /// <summary>The share of draws a village would be selected in if the choice were random among the eligible: k / eligible.</summary>
    public double? ByChance { get; init; }

    /// <summary>Rank acceptability: every village selected in at least one draw, most often first (at most 100).</summary>
    public IReadOnlyList<VillageAcceptability>? Acceptability { get; init; }
}
