namespace DesaGis.Planning.Results;

/// <summary>How the selection held up under seeded weight perturbations.</summary>
/// <param name="Draws">Number of perturbed re-runs.</param>
/// <param name="Perturbation">Relative weight perturbation (0.2 = ±20 %).</param>
/// <param name="Seed">Seed of the draws.</param>
/// <param name="MeanOverlap">Mean share of the pilots that stay selected in a draw.</param>
public sealed record RobustnessSummary(int Draws, double Perturbation, int Seed, double MeanOverlap);
