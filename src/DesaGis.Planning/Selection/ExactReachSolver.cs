using System.Diagnostics;
using DesaGis.Planning.Geo;
using DesaGis.Planning.Results;
using Google.OrTools.LinearSolver;

namespace DesaGis.Planning.Selection;

/// <summary>
/// Solves the reach instance exactly as a maximum-coverage integer programme with SCIP (through OR-Tools):
/// x = pilot, y = reached village, y ≤ Σ x over the pilots reaching it, Σ x ≤ k, pins, quotas and distance pairs.
/// Its LP bound is tight on coverage problems, so optimality is usually proven in seconds; the greedy result is
/// measured against it. Meant for instances of up to <see cref="MaxVillages"/> villages.
/// </summary>
public static class ExactReachSolver
{
    public const int MaxVillages = 2000;

    internal static (IReadOnlyList<int> Chosen, string Status, double Bound, double Seconds) Solve(
        ReachProblem problem, double[] weights, double timeLimitSeconds, IReadOnlyList<int>? hint = null)
    {
        var ctx = problem.Context;
        int n = ctx.Count;
        var sw = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver("SCIP")
            ?? throw new InvalidOperationException("The SCIP solver of OR-Tools is not available on this platform.");
        var x = new Variable?[n];
        var reachers = new List<Variable>[n];
        for (int j = 0; j < n; j++)
        {
            if (!ctx.Eligible[j]) continue;
            x[j] = solver.MakeBoolVar($"x{j}");
            if (ctx.Pinned[j]) x[j]!.SetLb(1);
            foreach (int i in problem.Neighbours(j)) (reachers[i] ??= []).Add(x[j]!);
        }
        var count = solver.MakeConstraint(double.NegativeInfinity, ctx.Parameters.K, "k");
        foreach (var v in x) if (v is not null) count.SetCoefficient(v, 1);

        // y may stay continuous: with positive weights the optimum sets y = min(1, Σ x) for integer x anyway.
        var objective = solver.Objective();
        for (int i = 0; i < n; i++)
        {
            if (reachers[i] is not { Count: > 0 } r || weights[i] <= 0) continue;
            var y = solver.MakeNumVar(0, 1, $"y{i}");
            var cover = solver.MakeConstraint(double.NegativeInfinity, 0, $"c{i}");
            cover.SetCoefficient(y, 1);
            foreach (var v in r) cover.SetCoefficient(v, -1);
            objective.SetCoefficient(y, weights[i]);
        }
        objective.SetMaximization();

        if (ctx.Parameters.MaxPerKecamatan is int max)
        {
            foreach (var group in Enumerable.Range(0, n).Where(j => x[j] is not null).GroupBy(j => ctx.Villages[j].KecamatanKode))
            {
                // Pins override quotas, but still use up places for the others.
                int pinned = group.Count(j => ctx.Pinned[j]);
                var free = group.Where(j => !ctx.Pinned[j]).ToList();
                if (free.Count == 0) continue;
                var quota = solver.MakeConstraint(double.NegativeInfinity, Math.Max(0, max - pinned));
                foreach (int j in free) quota.SetCoefficient(x[j]!, 1);
            }
        }
        if (ctx.Parameters.MinDistanceKm is double minKm)
        {
            var idx = Enumerable.Range(0, n).Where(j => x[j] is not null).ToArray();
            for (int a = 0; a < idx.Length; a++)
                for (int b = a + 1; b < idx.Length; b++)
                {
                    int p = idx[a], q = idx[b];
                    if (ctx.Pinned[p] && ctx.Pinned[q]) continue;
                    if (GeoDistance.Km(ctx.Lon[p], ctx.Lat[p], ctx.Lon[q], ctx.Lat[q]) >= minKm) continue;
                    var pair = solver.MakeConstraint(double.NegativeInfinity, 1);
                    pair.SetCoefficient(x[p]!, 1);
                    pair.SetCoefficient(x[q]!, 1);
                }
        }
        if (hint is not null)
        {
            var hinted = new HashSet<int>(hint);
            var vars = Enumerable.Range(0, n).Where(j => x[j] is not null).ToArray();
            solver.SetHint(vars.Select(j => x[j]!).ToArray(), vars.Select(j => hinted.Contains(j) ? 1.0 : 0.0).ToArray());
        }
        solver.SetTimeLimit((long)(timeLimitSeconds * 1000));
        var status = solver.Solve();
        var chosen = new List<int>();
        if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
            for (int j = 0; j < n; j++)
                if (x[j] is { } v && v.SolutionValue() > 0.5) chosen.Add(j);
        double bound = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE ? objective.BestBound() : double.NaN;
        return (chosen, status.ToString().ToLowerInvariant(), bound, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Compares a greedy selection with the exact optimum.</summary>
    internal static ExactComparison Compare(ReachProblem problem, double[] weights, IReadOnlyList<int> greedy, double timeLimitSeconds)
    {
        var (chosen, status, bound, seconds) = Solve(problem, weights, timeLimitSeconds, greedy);
        double greedyValue = problem.Objective(greedy, weights);
        double optimum = chosen.Count > 0 ? problem.Objective(chosen, weights) : double.NaN;
        // Within the solver's tolerance its pick can be a hair worse than greedy's; the better of the two is the optimum.
        if (!double.IsNaN(optimum)) optimum = Math.Max(optimum, greedyValue);
        double gap = optimum > 0 ? (optimum - greedyValue) / optimum * 100 : 0;
        return new ExactComparison("scip", status, Math.Round(optimum, 6), Math.Round(greedyValue, 6), Math.Round(gap, 4), Math.Round(seconds, 3))
        {
            Bound = Math.Round(bound, 6),
        };
    }
}
