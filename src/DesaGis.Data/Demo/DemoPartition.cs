using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>
/// Groups cells into contiguous regions by growing from well-spread seeds over the adjacency graph; each step the
/// region furthest below its (randomly weighted) share takes its nearest free neighbour. The result has irregular but
/// compact parts of unequal size, like real kecamatan and kabupaten.
/// </summary>
internal static class DemoPartition
{
    /// <summary>
    /// Splits <paramref name="members"/> (cell indices) into <paramref name="parts"/> contiguous groups; returns the
    /// groups, each listing its cells in the order they were added (the seed first).
    /// </summary>
    public static List<List<int>> Grow(IReadOnlyList<int> members, DemoCell[] cells, int parts, DemoRandom rng)
    {
        parts = Math.Clamp(parts, 1, members.Count);
        var inSet = new HashSet<int>(members);
        var seeds = SpreadSeeds(members, cells, parts, rng);
        var owner = new Dictionary<int, int>(members.Count);
        var groups = new List<List<int>>(parts);
        var queues = new List<PriorityQueue<int, (double, int)>>(parts);
        var weights = new double[parts];
        for (int k = 0; k < parts; k++)
        {
            weights[k] = rng.Range(0.6, 1.4);
            groups.Add([seeds[k]]);
            owner[seeds[k]] = k;
            queues.Add(new PriorityQueue<int, (double, int)>());
        }
        var jitter = new Dictionary<int, double>(members.Count);
        foreach (int m in members) jitter[m] = rng.Range(0.75, 1.25);
        for (int k = 0; k < parts; k++) Enqueue(k, seeds[k]);

        int assigned = parts;
        while (assigned < members.Count)
        {
            int best = -1;
            double bestLoad = double.MaxValue;
            for (int k = 0; k < parts; k++)
            {
                var q = queues[k];
                while (q.Count > 0 && owner.ContainsKey(q.Peek())) q.Dequeue();
                if (q.Count == 0) continue;
                double load = groups[k].Count / weights[k];
                if (load < bestLoad) (best, bestLoad) = (k, load);
            }
            if (best < 0) throw new InvalidOperationException("The cells are not connected; cannot partition them.");
            int cell = queues[best].Dequeue();
            owner[cell] = best;
            groups[best].Add(cell);
            assigned++;
            Enqueue(best, cell);
        }
        return groups;

        void Enqueue(int k, int cell)
        {
            var seed = cells[groups[k][0]].Site;
            foreach (int n in cells[cell].Neighbours)
            {
                if (!inSet.Contains(n) || owner.ContainsKey(n)) continue;
                queues[k].Enqueue(n, (cells[n].Site.Distance(seed) * jitter[n], n));
            }
        }
    }

    /// <summary>Farthest-point sampling: a random first seed, then each next one as far as possible from those chosen.</summary>
    private static int[] SpreadSeeds(IReadOnlyList<int> members, DemoCell[] cells, int parts, DemoRandom rng)
    {
        var seeds = new int[parts];
        seeds[0] = members[rng.Next(members.Count)];
        var nearest = new double[members.Count];
        for (int i = 0; i < members.Count; i++) nearest[i] = cells[members[i]].Site.Distance(cells[seeds[0]].Site);
        for (int k = 1; k < parts; k++)
        {
            int far = 0;
            for (int i = 1; i < members.Count; i++) if (nearest[i] > nearest[far]) far = i;
            seeds[k] = members[far];
            Coordinate s = cells[seeds[k]].Site;
            for (int i = 0; i < members.Count; i++) nearest[i] = Math.Min(nearest[i], cells[members[i]].Site.Distance(s));
        }
        return seeds;
    }
}
