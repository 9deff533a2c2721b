using DesaGis.Planning.Results;
using DesaGis.Planning.Selection;
using DesaGis.Planning.Villages;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace DesaGis.Planning;

/// <summary>
/// Runs a plan over villages: filters the area, scores, chooses pilots (ranking or reach), explains the choice,
/// measures robustness and, on small reach instances, the gap to the exact optimum. Pure and deterministic: the same
/// villages and parameters (seed included) always give the same result.
/// </summary>
public static class Planner
{
    /// <summary>Time limit of the exact solver, in seconds.</summary>
    public static double ExactTimeLimitSeconds { get; } = 20;

    /// <summary>Runs the plan; throws <see cref="PlanValidationException"/> when the villages make it impossible.</summary>
    public static PlanResult Run(PlanParameters parameters, IReadOnlyList<PlannerVillage> villages, CancellationToken cancellationToken = default)
    {
        var warnings = new List<string>();
        var candidates = InArea(parameters, villages);
        CheckFeasible(parameters, villages, candidates);
        var ctx = new PlanContext(parameters, candidates);
        foreach (int p in ctx.PinnedIndexes())
            if (PlanContext.PilotConstraintViolation(parameters, ctx.Villages[p]) is { } why)
                warnings.Add($"Pinned village {ctx.Villages[p].Kode} {ctx.Villages[p].Nama} is kept although it breaks a constraint: {why}.");
        foreach (var code in parameters.Exclude.Where(c => !candidates.Any(v => v.Kode == c)).Order(StringComparer.Ordinal))
            warnings.Add($"Excluded village {code} is not in the area; the exclusion has no effect.");

        var scores = ctx.Model.Scores;
        var scoreRank = ScoreRanks(ctx, scores);
        var demand = ctx.DemandWeights();
        ReachProblem? reach = null;
        SelectionOutcome outcome;
        if (parameters.Method == PlanMethod.Reach)
        {
            reach = new ReachProblem(ctx);
            outcome = ReachSelector.Select(reach, demand, scores, cancellationToken: cancellationToken);
            if (parameters.Weighting == ReachWeighting.Poverty && candidates.Any(v => v.PovertyRate is null))
                warnings.Add($"{candidates.Count(v => v.PovertyRate is null)} villages have no poverty rate and count 0 in the poverty-weighted reach.");
        }
        else
        {
            outcome = RankingSelector.Select(ctx, scores);
        }
        if (outcome.Chosen.Count < parameters.K)
            warnings.Add($"Only {outcome.Chosen.Count} of the {parameters.K} pilots asked for could be chosen: {ctx.Eligible.Count(e => e)} villages are eligible and the quotas block the rest. Loosen the constraints or lower k.");

        cancellationToken.ThrowIfCancellationRequested();
        var (times, meanOverlap) = RobustnessAnalyzer.Run(ctx, reach, outcome.Chosen, cancellationToken);
        var coverage = Coverage(ctx, outcome.Chosen, demand);

        var ordered = parameters.Method == PlanMethod.Reach
            ? outcome.Chosen.Select((i, pos) => (Index: i, Pos: pos)).ToList()
            : outcome.Chosen.OrderByDescending(i => scores[i]).ThenBy(i => i).Select((i, pos) => (Index: i, Pos: pos)).ToList();
        var selected = ordered.Select((e, r) => new SelectedVillage
        {
            Kode = ctx.Villages[e.Index].Kode,
            Nama = ctx.Villages[e.Index].Nama,
            KecamatanKode = ctx.Villages[e.Index].KecamatanKode,
            KabupatenKode = ctx.Villages[e.Index].KabupatenKode,
            Lon = ctx.Lon[e.Index],
            Lat = ctx.Lat[e.Index],
            Rank = r + 1,
            ScoreRank = scoreRank[e.Index],
            Score = scores[e.Index],
            Pinned = ctx.Pinned[e.Index],
            Contributions = ctx.Model.Explain(e.Index),
            Reached = coverage.ReachedBy[e.Index],
            MarginalGain = outcome.MarginalGain is { } mg ? Math.Round(mg[e.Pos], 6) : null,
            Stability = parameters.Draws > 0 ? (double)times[e.Index] / parameters.Draws : null,
        }).ToList();

        var runnersUp = reach is null
            ? RunnerUpExplainer.ForRanking(ctx, outcome, scoreRank)
            : RunnerUpExplainer.ForReach(ctx, reach, outcome, demand, scoreRank);

        ExactComparison? exact = null;
        if (reach is not null && parameters.Exact)
        {
            if (ctx.Count <= ExactReachSolver.MaxVillages)
                exact = ExactReachSolver.Compare(reach, demand, outcome.Chosen, ExactTimeLimitSeconds);
            else
                warnings.Add($"The exact comparison runs on up to {ExactReachSolver.MaxVillages} villages; this area has {ctx.Count}.");
        }

        return new PlanResult
        {
            Method = parameters.Method == PlanMethod.Reach ? "reach" : "ranking",
            Parameters = parameters.Normalised,
            Summary = new PlanSummary(ctx.Count, ctx.Eligible.Count(e => e), selected.Count, coverage.Count,
                Math.Round(coverage.Weight, 6), ctx.Count > 0 ? Math.Round((double)coverage.Count / ctx.Count, 6) : 0),
            Selected = selected,
            RunnersUp = runnersUp,
            Robustness = parameters.Draws > 0 ? new RobustnessSummary(parameters.Draws, parameters.Perturbation, parameters.Seed, Math.Round(meanOverlap, 6)) : null,
            Covered = coverage.Villages,
            Exact = exact,
            Warnings = warnings,
        };
    }

    /// <summary>The villages in the plan's area, ordered by code (all villages when no area is given).</summary>
    public static PlannerVillage[] InArea(PlanParameters p, IReadOnlyList<PlannerVillage> villages)
    {
        IPreparedGeometry? polygon = p.AreaPolygon is { } g ? PreparedGeometryFactory.Prepare(g) : null;
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var list = villages.Where(v => !p.HasArea
                || p.AreaKabupaten.Contains(v.KabupatenKode)
                || p.AreaKecamatan.Contains(v.KecamatanKode)
                || (polygon is not null && polygon.Covers(factory.CreatePoint(new Coordinate(v.Lon, v.Lat)))))
            .ToArray();
        // The database returns villages in code order already; sort only when they are not.
        bool sorted = true;
        for (int i = 1; i < list.Length && sorted; i++) sorted = string.CompareOrdinal(list[i - 1].Kode, list[i].Kode) < 0;
        if (!sorted) Array.Sort(list, (a, b) => string.CompareOrdinal(a.Kode, b.Kode));
        return list;
    }

    private static void CheckFeasible(PlanParameters p, IReadOnlyList<PlannerVillage> all, PlannerVillage[] candidates)
    {
        var errors = new List<PlanError>();
        if (candidates.Length == 0)
        {
            errors.Add(new("area", p.HasArea
                ? "No village lies in the given area: check the kabupaten/kecamatan codes or draw the polygon around villages."
                : "There are no villages yet: import villages first."));
            throw new PlanValidationException(errors);
        }
        var codes = new HashSet<string>(candidates.Select(v => v.Kode), StringComparer.Ordinal);
        foreach (var pin in p.Include)
            if (!codes.Contains(pin))
                errors.Add(new("pins.include", all.Any(v => v.Kode == pin)
                    ? $"Pinned village {pin} lies outside the area: widen the area or unpin it."
                    : $"Pinned village {pin} is unknown: check the code."));
        if (p.Include.Count == 0 && !candidates.Any(v => !p.Exclude.Contains(v.Kode) && PlanContext.PilotConstraintViolation(p, v) is null))
            errors.Add(new("constraints", $"None of the {candidates.Length} villages in the area satisfies the pilot constraints (IDM status, thresholds, exclusions): loosen them."));
        if (errors.Count > 0) throw new PlanValidationException(errors);
    }

    private static int[] ScoreRanks(PlanContext ctx, double[] scores)
    {
        var order = ScoreOrder.Descending(scores, i => ctx.Eligible[i]);
        var rank = new int[ctx.Count];
        for (int r = 0; r < order.Length; r++) rank[order[r]] = r + 1;
        return rank;
    }

    private sealed record CoverageResult(int Count, double Weight, int[] ReachedBy, IReadOnlyList<CoveredVillage> Villages);

    /// <summary>Villages within the radius of some pilot (pilots included in the count), each with its nearest pilot.</summary>
    private static CoverageResult Coverage(PlanContext ctx, IReadOnlyList<int> pilots, double[] demand)
    {
        var nearest = new int[ctx.Count];
        var distance = new double[ctx.Count];
        Array.Fill(nearest, -1);
        var reachedBy = new int[ctx.Count];
        double r = ctx.Parameters.RadiusKm;
        foreach (int p in pilots)
        {
            int count = 0;
            ctx.Grid.Query(ctx.Lon[p], ctx.Lat[p], r, (i, d) =>
            {
                count++;
                if (nearest[i] < 0 || d < distance[i] || (d == distance[i] && p < nearest[i])) { nearest[i] = p; distance[i] = d; }
            });
            reachedBy[p] = count;
        }
        var isPilot = new HashSet<int>(pilots);
        var villages = new List<CoveredVillage>();
        int covered = 0;
        double weight = 0;
        for (int i = 0; i < ctx.Count; i++)
        {
            if (nearest[i] < 0) continue;
            covered++;
            weight += demand[i];
            if (!isPilot.Contains(i))
                villages.Add(new CoveredVillage(ctx.Villages[i].Kode, ctx.Villages[i].Nama, ctx.Villages[nearest[i]].Kode, Math.Round(distance[i], 3)));
        }
        return new CoverageResult(covered, weight, reachedBy, villages);
    }
}
