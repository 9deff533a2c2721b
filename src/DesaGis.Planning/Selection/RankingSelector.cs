namespace DesaGis.Planning.Selection;

/// <summary>Ranking: pinned villages first, then eligible villages by descending score, skipping quota breakers.</summary>
internal static class RankingSelector
{
    /// <summary>Eligible, non-pinned villages by score (highest first), ties broken by code.</summary>
    public static int[] Order(PlanContext ctx, double[] scores) =>
        ScoreOrder.Descending(scores, i => ctx.Eligible[i] && !ctx.Pinned[i]);

    public static SelectionOutcome Select(PlanContext ctx, double[] scores)
    {
        var constraints = ctx.NewConstraints();
        var blocked = new Dictionary<int, string>();
        foreach (int p in ctx.PinnedIndexes()) constraints.Add(p);
        foreach (int i in Order(ctx, scores))
        {
            if (constraints.Chosen.Count >= ctx.Parameters.K) break;
            if (constraints.Blocks(i) is { } why) { blocked[i] = why; continue; }
            constraints.Add(i);
        }
        return new SelectionOutcome(constraints.Chosen.ToArray(), blocked, null);
    }
}
