namespace DesaGis.Planning.Selection;

/// <summary>
/// Re-runs the selection under seeded random perturbations of the weights (each weight × U(1 − p, 1 + p)); for the
/// reach method each village's reach weight is perturbed the same way. Counts how often each village is chosen.
/// </summary>
internal static class RobustnessAnalyzer
{
    public static (int[] TimesSelected, double MeanOverlap) Run(PlanContext ctx, ReachProblem? reach, IReadOnlyList<int> selected, CancellationToken cancellationToken)
    {
        var p = ctx.Parameters;
        var times = new int[ctx.Count];
        if (p.Draws == 0 || selected.Count == 0) return (times, 1);
        var rng = new Random(p.Seed);
        var baseWeights = ctx.Parameters.Criteria.Select(c => c.Weight).ToArray();
        var demand = ctx.DemandWeights();
        var isSelected = new bool[ctx.Count];
        foreach (int i in selected) isSelected[i] = true;
        double overlapSum = 0;
        for (int d = 0; d < p.Draws; d++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var w = new double[baseWeights.Length];
            double sum = 0;
            for (int c = 0; c < w.Length; c++) { w[c] = baseWeights[c] * Factor(rng, p.Perturbation); sum += w[c]; }
            for (int c = 0; c < w.Length; c++) w[c] = sum > 0 ? w[c] / sum : 0;
            var scores = ctx.Model.ScoresFor(w);
            SelectionOutcome outcome;
            if (reach is null)
                outcome = RankingSelector.Select(ctx, scores);
            else
            {
                var perturbed = new double[demand.Length];
                for (int i = 0; i < demand.Length; i++) perturbed[i] = demand[i] * Factor(rng, p.Perturbation);
                outcome = ReachSelector.Select(reach, perturbed, scores, cancellationToken: cancellationToken);
            }
            int overlap = 0;
            foreach (int i in outcome.Chosen)
            {
                times[i]++;
                if (isSelected[i]) overlap++;
            }
            overlapSum += (double)overlap / selected.Count;
        }
        return (times, overlapSum / p.Draws);
    }

    private static double Factor(Random rng, double perturbation) => 1 + perturbation * (2 * rng.NextDouble() - 1);
}
