using DesaGis.Planning.Results;

namespace DesaGis.Planning.Selection;

/// <summary>Explains why the villages closest to being chosen were not.</summary>
internal static class RunnerUpExplainer
{
    /// <summary>Ranking: the best-scoring villages not chosen (eligible or not), each with its reason.</summary>
    public static List<RunnerUp> ForRanking(PlanContext ctx, SelectionOutcome outcome, int[] scoreRank)
    {
        var scores = ctx.Model.Scores;
        var chosen = new HashSet<int>(outcome.Chosen);
        int lastFree = outcome.Chosen.Where(i => !ctx.Pinned[i]).DefaultIfEmpty(-1).Last();
        var order = ScoreOrder.Descending(scores, i => !chosen.Contains(i));
        var list = new List<RunnerUp>();
        foreach (int i in order.Take(ctx.Parameters.RunnersUp))
        {
            var (reason, detail) = Why(ctx, outcome, i);
            if (reason is null)
            {
                reason = RunnerUpReason.LowerScore;
                detail = lastFree >= 0 && scores[i] == scores[lastFree]
                    ? $"score {F(scores[i])} ties with the last chosen pilot ({ctx.Villages[lastFree].Kode} {ctx.Villages[lastFree].Nama}); the tie-break (lower village code first) chose that one, not the data"
                    : lastFree >= 0
                    ? $"score {F(scores[i])} is below {F(scores[lastFree])}, the lowest score among the chosen pilots ({ctx.Villages[lastFree].Kode} {ctx.Villages[lastFree].Nama})"
                    : $"score {F(scores[i])}; all {ctx.Parameters.K} places are taken by pinned villages";
            }
            list.Add(Make(ctx, i, scoreRank, null, reason, detail!));
        }
        return list;
    }

    /// <summary>Reach: the villages that would add most to the final selection, each with its reason.</summary>
    public static List<RunnerUp> ForReach(PlanContext ctx, ReachProblem problem, SelectionOutcome outcome, double[] weights, int[] scoreRank)
    {
        var scores = ctx.Model.Scores;
        var covered = new bool[ctx.Count];
        var chosen = new HashSet<int>(outcome.Chosen);
        foreach (int p in outcome.Chosen)
            foreach (int i in problem.Neighbours(p)) covered[i] = true;
        // Keep only the best few (gain, then score, then code) while scanning every village once.
        int wanted = ctx.Parameters.RunnersUp;
        var best = new List<(int Index, double Gain)>(wanted + 1);
        int Better((int Index, double Gain) a, (int Index, double Gain) b)
        {
            int x = b.Gain.CompareTo(a.Gain);
            if (x != 0) return x;
            x = scores[b.Index].CompareTo(scores[a.Index]);
            return x != 0 ? x : a.Index.CompareTo(b.Index);
        }
        for (int c = 0; c < ctx.Count && wanted > 0; c++)
        {
            if (chosen.Contains(c)) continue;
            double g = 0;
            foreach (int i in problem.Neighbours(c))
                if (!covered[i]) g += weights[i];
            var item = (c, g);
            if (best.Count == wanted && Better(item, best[^1]) >= 0) continue;
            int at = best.FindIndex(e => Better(item, e) < 0);
            best.Insert(at < 0 ? best.Count : at, item);
            if (best.Count > wanted) best.RemoveAt(best.Count - 1);
        }
        var gains = best;
        double lastGain = outcome.MarginalGain is { Count: > 0 } mg ? mg[^1] : 0;
        string unit = ctx.Parameters.Weighting == ReachWeighting.Poverty ? "poverty-weighted reach" : "newly reached villages";
        var list = new List<RunnerUp>();
        foreach (var (i, gain) in gains.Take(ctx.Parameters.RunnersUp))
        {
            var (reason, detail) = Why(ctx, outcome, i, final: true);
            if (reason is null)
            {
                reason = RunnerUpReason.LowerGain;
                detail = $"would add {F(gain)} {unit} to the chosen pilots; the last pilot chosen added {F(lastGain)}";
                if (NearestPilot(ctx, outcome, i, ctx.Parameters.RadiusKm) is var (pilot, km))
                    detail = $"already within reach of pilot {ctx.Villages[pilot].Kode} {ctx.Villages[pilot].Nama} ({F(km)} km); as a pilot it " + detail;
            }
            list.Add(Make(ctx, i, scoreRank, Math.Round(gain, 6), reason, detail!));
        }
        return list;
    }

    private static (string? Reason, string? Detail) Why(PlanContext ctx, SelectionOutcome outcome, int i, bool final = false)
    {
        if (ctx.Excluded[i]) return (RunnerUpReason.Excluded, "excluded by a pin");
        if (ctx.IneligibleReason[i] is { } why) return (RunnerUpReason.Constraint, why);
        if (final)
        {
            // Against the final pilots, which is what the planner sees on the map.
            var constraints = ctx.NewConstraints();
            foreach (int p in outcome.Chosen) constraints.Add(p);
            if (constraints.Blocks(i) is { } blockedNow) return (RunnerUpReason.Constraint, blockedNow);
        }
        if (outcome.Blocked.TryGetValue(i, out var blocked)) return (RunnerUpReason.Constraint, blocked);
        return (null, null);
    }

    private static (int Pilot, double Km)? NearestPilot(PlanContext ctx, SelectionOutcome outcome, int i, double radiusKm)
    {
        (int, double)? best = null;
        foreach (int p in outcome.Chosen)
        {
            double d = Geo.GeoDistance.Km(ctx.Lon[i], ctx.Lat[i], ctx.Lon[p], ctx.Lat[p]);
            if (d <= radiusKm && (best is null || d < best.Value.Item2)) best = (p, d);
        }
        return best;
    }

    private static RunnerUp Make(PlanContext ctx, int i, int[] scoreRank, double? gain, string reason, string detail) => new()
    {
        Kode = ctx.Villages[i].Kode,
        Nama = ctx.Villages[i].Nama,
        Score = Math.Round(ctx.Model.Scores[i], 6),
        ScoreRank = scoreRank[i] > 0 ? scoreRank[i] : null,
        MarginalGain = gain,
        Reason = reason,
        Detail = detail,
    };

    private static string F(double x) => Threshold.Fmt(Math.Round(x, 3));
}
