using DesaGis.Planning.Requests;

namespace DesaGis.Planning;

/// <summary>The <c>robustness</c> section of a plan.</summary>
public static partial class PlanValidator
{
    /// <summary>The robustness draws: how many, how far weights are perturbed, and the seed.</summary>
    private static (int Draws, double Perturbation, int Seed) ValidateRobustness(RobustnessRequest? requested, PlanMethod method, List<PlanError> errors)
    {
        int draws = method == PlanMethod.Reach ? PlanParameters.DefaultReachDraws : PlanParameters.DefaultDraws;
        double perturbation = 0.2;
        int seed = 42;
        if (requested is { } rob)
        {
            if (rob.Draws is int d)
            {
                if (d < 0 || d > MaxDraws) errors.Add(new("robustness.draws", $"draws must be between 0 and {MaxDraws}."));
                else draws = d;
            }
            if (rob.Perturbation is double p)
            {
                if (!(p >= 0 && p < 1)) errors.Add(new("robustness.perturbation", "perturbation must be at least 0 and below 1 (0.2 = ±20 %)."));
                else perturbation = p;
            }
            seed = rob.Seed ?? seed;
        }
        return (draws, perturbation, seed);
    }
}
