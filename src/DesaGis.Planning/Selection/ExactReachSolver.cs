using System.Diagnostics;
using DesaGis.Planning.Geo;
using DesaGis.Planning.Results;
using Google.OrTools.Sat;

namespace DesaGis.Planning.Selection;

/// <summary>
/// Solves the reach instance exactly as a CP-SAT maximum-coverage model (x = pilot, y = reached village,
/// y ≤ Σ x over the pilots reaching it, Σ x ≤ k, pins, quotas and distance pairs), so the greedy result can be
/// measured against the optimum. Meant for instances of up to <see cref="MaxVillages"/> villages.
/// </summary>
public static class ExactReachSolver
{
    public const int MaxVillages = 2000;

    // CP-SAT needs integer coefficients; poverty rates keep three decimals.
    private const double Scale = 1000;

    internal static (IReadOnlyList<int> Chosen, string Status, double Bound, double Seconds) Solve(
        ReachProblem problem, double[] weights, double timeLimitSeconds, IReadOnlyList<int>? hint = null)
    {
        var ctx = problem.Context;
        int n = ctx.Count;
        var sw = Stopwatch.StartNew();
        var model = new CpModel();
        var x = new BoolVar?[n];
        var reachers = new List<BoolVar>[n];
        for (int j = 0; j < n; j++)
        {
            if (!ctx.Eligible[j]) continue;
            x[j] = model.NewBoolVar($"x{j}");
            if (ctx.Pinned[j]) model.Add(x[j]! == 1);
            foreach (int i in problem.Neighbours(j)) (reachers[i] ??= []).Add(x[j]!);
        }
        var pilots = x.Where(v => v is not null).Select(v => (ILiteral)v!).ToList();
        model.Add(LinearExpr.Sum(pilots.Cast<BoolVar>()) <= ctx.Parameters.K);

        var objectiveVars = new List<BoolVar>();
        var objectiveCoefs = new List<long>();
        for (int i = 0; i < n; i++)
        {
            if (reachers[i] is not { Count: > 0 } r) continue;
            long coef = (long)Math.Round(weights[i] * Scale);
            if (coef == 0) continue;
            var y = model.NewBoolVar($"y{i}");
            model.Add(y <= LinearExpr.Sum(r));
            objectiveVars.Add(y);
            objectiveCoefs.Add(coef);
        }
        model.Maximize(LinearExpr.WeightedSum(objectiveVars, objectiveCoefs));

        if (ctx.Parameters.MaxPerKecamatan is int max)
        {
            foreach (var group in Enumerable.Range(0, n).Where(j => x[j] is not null).GroupBy(j => ctx.Villages[j].KecamatanKode))
            {
                // Pins override quotas, but still use up places for the others.
                int pinned = group.Count(j => ctx.Pinned[j]);
                var free = group.Where(j => !ctx.Pinned[j]).Select(j => x[j]!).ToList();
                if (free.Count > 0) model.Add(LinearExpr.Sum(free) <= Math.Max(0, max - pinned));
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
                    if (GeoDistance.Km(ctx.Lon[p], ctx.Lat[p], ctx.Lon[q], ctx.Lat[q]) < minKm)
                        model.Add(x[p]! + x[q]! <= 1);
                }
        }
        if (hint is not null)
            foreach (int j in hint)
                if (x[j] is { } v) model.AddHint(v, true);

        var solver = new CpSolver
        {
            StringParameters = $"max_time_in_seconds:{timeLimitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} num_workers:2 random_seed:1",
        };
        var status = solver.Solve(model);
        var chosen = new List<int>();
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            for (int j = 0; j < n; j++)
                if (x[j] is { } v && solver.BooleanValue(v)) chosen.Add(j);
        double bound = solver.BestObjectiveBound / Scale;
        return (chosen, status.ToString().ToLowerInvariant(), bound, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Compares a greedy selection with the exact optimum.</summary>
    internal static ExactComparison Compare(ReachProblem problem, double[] weights, IReadOnlyList<int> greedy, double timeLimitSeconds)
    {
        var (chosen, status, bound, seconds) = Solve(problem, weights, timeLimitSeconds, greedy);
        double greedyValue = problem.Objective(greedy, weights);
        double optimum = chosen.Count > 0 ? problem.Objective(chosen, weights) : double.NaN;
        // Rounded coefficients can make the solver's pick a hair worse than greedy's; the better of the two is the optimum.
        if (!double.IsNaN(optimum)) optimum = Math.Max(optimum, greedyValue);
        double gap = optimum > 0 ? (optimum - greedyValue) / optimum * 100 : 0;
        return new ExactComparison("cp-sat", status, Math.Round(optimum, 6), Math.Round(greedyValue, 6), Math.Round(gap, 4), Math.Round(seconds, 3))
        {
            Bound = Math.Round(bound, 6),
        };
    }
}
