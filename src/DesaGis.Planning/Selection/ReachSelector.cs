namespace DesaGis.Planning.Selection;

/// <summary>
/// Replication reach: choose k pilots maximising the weight of villages within the radius of some pilot.
/// Lazy greedy (CELF) — a pilot's gain can only shrink as others are chosen, so a stale gain is an upper bound and
/// only the top of the queue needs recomputing — followed by a 1-swap improvement step.
/// </summary>
internal static class ReachSelector
{
    private const double Epsilon = 1e-9;
    private const int MaxSwapPasses = 5;
    private const int GlobalSwapCandidates = 20;

    public static SelectionOutcome Select(ReachProblem problem, double[] weights, double[] scores, bool improve = true)
    {
        var ctx = problem.Context;
        int n = ctx.Count, k = ctx.Parameters.K;
        var constraints = ctx.NewConstraints();
        var blocked = new Dictionary<int, string>();
        var covered = new bool[n];
        foreach (int p in ctx.PinnedIndexes())
        {
            constraints.Add(p);
            foreach (int i in problem.Neighbours(p)) covered[i] = true;
        }

        // Best first: larger gain, then larger score, then smaller index (codes are sorted, so this is deterministic).
        var queue = new PriorityQueue<int, (double Gain, double Score, int Index)>(Comparer<(double Gain, double Score, int Index)>.Create((a, b) =>
        {
            int c = b.Gain.CompareTo(a.Gain);
            if (c != 0) return c;
            c = b.Score.CompareTo(a.Score);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        }));
        var stamp = new int[n];
        int round = 0;
        for (int j = 0; j < n; j++)
            if (ctx.Eligible[j] && !ctx.Pinned[j])
            {
                stamp[j] = round;
                queue.Enqueue(j, (Gain(problem.Neighbours(j), covered, weights), scores[j], j));
            }

        while (constraints.Chosen.Count < k && queue.TryDequeue(out int j, out _))
        {
            if (constraints.Blocks(j) is { } why) { blocked[j] = why; continue; }
            if (stamp[j] == round)
            {
                constraints.Add(j);
                foreach (int i in problem.Neighbours(j)) covered[i] = true;
                round++;
                continue;
            }
            stamp[j] = round;
            queue.Enqueue(j, (Gain(problem.Neighbours(j), covered, weights), scores[j], j));
        }

        var chosen = constraints.Chosen.ToList();
        if (improve) Improve(problem, constraints, chosen, weights, scores);
        return new SelectionOutcome(chosen, blocked, MarginalGains(problem, chosen, weights));
    }

    /// <summary>Each pilot's gain given the pilots before it; they add up to the objective.</summary>
    public static double[] MarginalGains(ReachProblem problem, IReadOnlyList<int> chosen, double[] weights)
    {
        var covered = new bool[problem.Context.Count];
        var gains = new double[chosen.Count];
        for (int p = 0; p < chosen.Count; p++)
            foreach (int i in problem.Neighbours(chosen[p]))
                if (!covered[i]) { covered[i] = true; gains[p] += weights[i]; }
        return gains;
    }

    private static double Gain(int[] neighbours, bool[] covered, double[] weights)
    {
        double g = 0;
        foreach (int i in neighbours)
            if (!covered[i]) g += weights[i];
        return g;
    }

    /// <summary>
    /// Replaces a pilot by a non-pilot whenever that raises the objective and keeps every quota. Candidates are the
    /// villages within twice the radius of the pilot (the only ones whose reach can overlap it) plus the best
    /// far-away villages by current gain.
    /// </summary>
    private static void Improve(ReachProblem problem, PilotConstraints constraints, List<int> chosen, double[] weights, double[] scores)
    {
        var ctx = problem.Context;
        int n = ctx.Count;
        var count = new int[n];
        var isChosen = new bool[n];
        foreach (int p in chosen)
        {
            isChosen[p] = true;
            foreach (int i in problem.Neighbours(p)) count[i]++;
        }
        var inP = new bool[n];
        var seen = new int[n];
        int seenStamp = 0;
        for (int pass = 0; pass < MaxSwapPasses; pass++)
        {
            bool improved = false;
            var global = GlobalCandidates(problem, count, isChosen, weights, scores);
            for (int pos = 0; pos < chosen.Count; pos++)
            {
                int p = chosen[pos];
                if (ctx.Pinned[p]) continue;
                double loss = 0;
                foreach (int i in problem.Neighbours(p))
                {
                    inP[i] = true;
                    if (count[i] == 1) loss += weights[i];
                }
                var candidates = new List<int>();
                seenStamp++;
                problem.SwapGrid.Query(ctx.Lon[p], ctx.Lat[p], problem.SwapGrid.RadiusKm, (c, _) =>
                {
                    if (seen[c] != seenStamp) { seen[c] = seenStamp; candidates.Add(c); }
                });
                foreach (int c in global)
                    if (seen[c] != seenStamp) { seen[c] = seenStamp; candidates.Add(c); }
                candidates.Sort();

                int best = -1;
                double bestDelta = Epsilon;
                foreach (int c in candidates)
                {
                    if (isChosen[c] || !ctx.Eligible[c] || ctx.Pinned[c]) continue;
                    double gain = 0;
                    foreach (int i in problem.Neighbours(c))
                        if (count[i] == 0 || (count[i] == 1 && inP[i])) gain += weights[i];
                    double delta = gain - loss;
                    if (delta > bestDelta + Epsilon || (best >= 0 && Math.Abs(delta - bestDelta) <= Epsilon && scores[c] > scores[best]))
                    {
                        if (constraints.Blocks(c, without: p) is not null) continue;
                        best = c;
                        bestDelta = delta;
                    }
                }
                foreach (int i in problem.Neighbours(p)) inP[i] = false;
                if (best < 0) continue;
                foreach (int i in problem.Neighbours(p)) count[i]--;
                foreach (int i in problem.Neighbours(best)) count[i]++;
                isChosen[p] = false;
                isChosen[best] = true;
                constraints.Replace(p, best);
                chosen[pos] = best;
                improved = true;
            }
            if (!improved) break;
        }
    }

    private static List<int> GlobalCandidates(ReachProblem problem, int[] count, bool[] isChosen, double[] weights, double[] scores)
    {
        var ctx = problem.Context;
        var top = new List<(double Gain, int Index)>();
        for (int c = 0; c < ctx.Count; c++)
        {
            if (isChosen[c] || !ctx.Eligible[c] || ctx.Pinned[c]) continue;
            double g = 0;
            foreach (int i in problem.Neighbours(c))
                if (count[i] == 0) g += weights[i];
            if (g <= 0) continue;
            top.Add((g, c));
        }
        top.Sort((a, b) =>
        {
            int x = b.Gain.CompareTo(a.Gain);
            if (x != 0) return x;
            x = scores[b.Index].CompareTo(scores[a.Index]);
            return x != 0 ? x : a.Index.CompareTo(b.Index);
        });
        return top.Take(GlobalSwapCandidates).Select(t => t.Index).ToList();
    }
}
