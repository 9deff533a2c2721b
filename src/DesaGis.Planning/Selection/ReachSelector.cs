using DesaGis.Planning.Geo;

namespace DesaGis.Planning.Selection;

/// <summary>
/// Replication reach: choose k pilots maximising the weight of villages within the radius of some pilot.
/// Lazy greedy (CELF): a pilot's gain can only shrink as others are chosen, so a stale gain is an upper bound and
/// only the top of the queue needs recomputing. After each greedy choice an improvement step swaps pilots near the
/// new one for non-pilots whenever that raises the objective and keeps every quota. Because a run for k + 1 pilots
/// repeats the run for k and then adds one more, the objective never falls when k grows.
/// </summary>
internal static class ReachSelector
{
    private const double Epsilon = 1e-9;

    private readonly record struct Entry(double Gain, double Score, int Index, int Round);

    private static readonly Comparer<Entry> BestFirst = Comparer<Entry>.Create((a, b) =>
    {
        // Larger gain, then larger score, then smaller index (codes are sorted, so this is deterministic).
        int c = b.Gain.CompareTo(a.Gain);
        if (c != 0) return c;
        c = b.Score.CompareTo(a.Score);
        return c != 0 ? c : a.Index.CompareTo(b.Index);
    });

    public static SelectionOutcome Select(ReachProblem problem, double[] weights, double[] scores, bool improve = true, CancellationToken cancellationToken = default)
    {
        var ctx = problem.Context;
        int n = ctx.Count, k = ctx.Parameters.K;
        var state = new State(problem, weights, scores);
        foreach (int p in ctx.PinnedIndexes()) state.Add(p);

        var queue = new PriorityQueue<Entry, Entry>(BestFirst);
        int round = 0;
        void Push(int j)
        {
            var e = new Entry(state.Gain(j), scores[j], j, round);
            queue.Enqueue(e, e);
        }
        for (int j = 0; j < n; j++)
            if (ctx.Eligible[j] && !ctx.Pinned[j]) Push(j);

        var blocked = new Dictionary<int, string>();
        var blockedNow = new List<int>();
        while (state.Constraints.Chosen.Count < k && queue.TryDequeue(out var entry, out _))
        {
            // One pick with its improvement can take milliseconds on large radii: a cancelled run stops here, not
            // only between robustness draws.
            cancellationToken.ThrowIfCancellationRequested();
            int j = entry.Index;
            if (state.IsChosen[j]) continue;
            if (state.Constraints.Blocks(j) is { } why) { blocked[j] = why; blockedNow.Add(j); continue; }
            if (entry.Round != round) { Push(j); continue; }
            state.Add(j);
            round++;
            if (!improve) continue;
            var freed = state.ImproveAround(j);
            if (freed.Count == 0) continue;
            // A swap uncovers villages near the removed pilot (raising gains there) and may free a quota:
            // give those candidates fresh entries; elsewhere the old entries are still upper bounds.
            foreach (int c in freed) if (!state.IsChosen[c] && ctx.Eligible[c] && !ctx.Pinned[c]) Push(c);
            foreach (int c in blockedNow) { blocked.Remove(c); if (!state.IsChosen[c]) Push(c); }
            blockedNow.Clear();
        }

        var chosen = state.Constraints.Chosen.ToArray();
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

    /// <summary>The pilots chosen so far and how many of them reach each village.</summary>
    private sealed class State(ReachProblem problem, double[] weights, double[] scores)
    {
        private readonly PlanContext _ctx = problem.Context;
        private readonly int[] _count = new int[problem.Context.Count];
        private readonly bool[] _inP = new bool[problem.Context.Count];
        private readonly int[] _seen = new int[problem.Context.Count];
        private int _seenStamp;

        public PilotConstraints Constraints { get; } = problem.Context.NewConstraints();
        public bool[] IsChosen { get; } = new bool[problem.Context.Count];

        public double Gain(int j)
        {
            double g = 0;
            foreach (int i in problem.Neighbours(j))
                if (_count[i] == 0) g += weights[i];
            return g;
        }

        public void Add(int j)
        {
            Constraints.Add(j);
            IsChosen[j] = true;
            foreach (int i in problem.Neighbours(j)) _count[i]++;
        }

        /// <summary>
        /// Swaps pilots within twice the radius of <paramref name="origin"/> (the only ones whose reach can overlap
        /// it) while a swap raises the objective; a swap makes the pilots near it worth another look.
        /// Returns the villages whose greedy gain may have risen.
        /// </summary>
        public List<int> ImproveAround(int origin)
        {
            var freed = new List<int>();
            var dirty = new Queue<int>(PilotsNear(origin));
            var queued = new HashSet<int>(dirty);
            int budget = 4 * Math.Max(1, Constraints.Chosen.Count) + 16;
            while (dirty.Count > 0 && budget-- > 0)
            {
                int p = dirty.Dequeue();
                queued.Remove(p);
                if (!IsChosen[p]) continue;
                int best = BestSwap(p);
                if (best < 0) continue;
                foreach (int i in problem.Neighbours(p)) _count[i]--;
                foreach (int i in problem.Neighbours(best)) _count[i]++;
                IsChosen[p] = false;
                IsChosen[best] = true;
                Constraints.Replace(p, best);
                problem.SwapGrid.Query(_ctx.Lon[p], _ctx.Lat[p], problem.SwapGrid.RadiusKm, (c, _) => freed.Add(c));
                foreach (int q in PilotsNear(p).Concat(PilotsNear(best)))
                    if (queued.Add(q)) dirty.Enqueue(q);
            }
            return freed;
        }

        private int BestSwap(int p)
        {
            double loss = 0;
            foreach (int i in problem.Neighbours(p))
            {
                _inP[i] = true;
                if (_count[i] == 1) loss += weights[i];
            }
            var candidates = new List<int>();
            _seenStamp++;
            problem.SwapGrid.Query(_ctx.Lon[p], _ctx.Lat[p], problem.SwapGrid.RadiusKm, (c, _) =>
            {
                if (_seen[c] != _seenStamp) { _seen[c] = _seenStamp; candidates.Add(c); }
            });
            candidates.Sort();
            int best = -1;
            double bestDelta = Epsilon;
            foreach (int c in candidates)
            {
                if (IsChosen[c] || !_ctx.Eligible[c] || _ctx.Pinned[c]) continue;
                double gain = 0;
                foreach (int i in problem.Neighbours(c))
                    if (_count[i] == 0 || (_count[i] == 1 && _inP[i])) gain += weights[i];
                double delta = gain - loss;
                bool better = best < 0 ? delta > bestDelta : delta > bestDelta + Epsilon
                    || (Math.Abs(delta - bestDelta) <= Epsilon && scores[c] > scores[best]);
                if (better && Constraints.Blocks(c, without: p) is null)
                {
                    best = c;
                    bestDelta = delta;
                }
            }
            foreach (int i in problem.Neighbours(p)) _inP[i] = false;
            return best;
        }

        /// <summary>Non-pinned pilots within twice the radius of village <paramref name="j"/>, in order of choice.</summary>
        private IEnumerable<int> PilotsNear(int j)
        {
            double limit = problem.SwapGrid.RadiusKm;
            return Constraints.Chosen.Where(q => !_ctx.Pinned[q]
                && GeoDistance.Km(_ctx.Lon[j], _ctx.Lat[j], _ctx.Lon[q], _ctx.Lat[q]) <= limit).ToList();
        }
    }
}
