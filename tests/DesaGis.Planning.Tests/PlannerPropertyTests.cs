using System.Text.Json;
using CsCheck;
using DesaGis.Planning.Geo;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Results;
using DesaGis.Planning.Villages;
using static DesaGis.Planning.Tests.VillageFactory;

namespace DesaGis.Planning.Tests;

public class PlannerPropertyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] AllCriteria =
        ["poverty_rate", "extreme_poor", "idm_score", "idm_status", "partner_gap", "partner_synergy", "transmigration", "distance_to_seat", "population"];

    private static readonly Gen<(int Seed, int Count, double Radius, bool Poverty)> Instances =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[10, 150], Gen.Double[2, 15], Gen.Bool);

    private static PlanRequest ReachRequest(int k, double radius, bool poverty, ConstraintsRequest? constraints = null, PinsRequest? pins = null, int draws = 0) => new()
    {
        Method = "reach",
        K = k,
        Criteria = [C("poverty_rate", 2), C("population"), C("idm_score")],
        Reach = new() { RadiusKm = radius, Weighting = poverty ? "poverty" : "count" },
        Constraints = constraints,
        Pins = pins,
        Robustness = new() { Draws = draws, Seed = 7 },
    };

    [Fact]
    public void Reach_coverage_never_falls_when_k_grows()
    {
        Instances.Sample(t =>
        {
            var villages = Random(t.Seed, t.Count);
            double previous = 0;
            for (int k = 1; k <= 12; k++)
            {
                var result = Planner.Run(Plan(ReachRequest(k, t.Radius, t.Poverty)), villages);
                Assert.True(result.Summary.CoveredWeight >= previous - 1e-9,
                    $"k = {k}: {result.Summary.CoveredWeight} < {previous} (seed {t.Seed}, n {t.Count}, r {t.Radius})");
                previous = result.Summary.CoveredWeight;
            }
        }, iter: 40);
    }

    [Fact]
    public void Ranking_coverage_never_falls_when_k_grows()
    {
        Instances.Sample(t =>
        {
            var villages = Random(t.Seed, t.Count);
            int previous = 0;
            for (int k = 1; k <= 12; k++)
            {
                var result = Planner.Run(Plan(new PlanRequest
                {
                    K = k, Criteria = [C("poverty_rate"), C("distance_to_seat")], Reach = new() { RadiusKm = t.Radius },
                    Constraints = new() { MaxPerKecamatan = 3 }, Robustness = new() { Draws = 0 },
                }), villages);
                Assert.True(result.Summary.Covered >= previous);
                previous = result.Summary.Covered;
            }
        }, iter: 40);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result()
    {
        Gen.Select(Instances, Gen.Bool).Sample(t =>
        {
            var ((seed, count, radius, poverty), reach) = t;
            var villages = Random(seed, count);
            var request = reach
                ? ReachRequest(5, radius, poverty, draws: 10)
                : new PlanRequest { K = 5, Criteria = [C("poverty_rate"), C("extreme_poor", 2, normalisation: "rank")], Robustness = new() { Draws = 40, Seed = seed } };
            var a = JsonSerializer.Serialize(Planner.Run(Plan(request), villages), PlanRequest.JsonOptions);
            // The villages in another order must not matter either.
            var b = JsonSerializer.Serialize(Planner.Run(Plan(request), villages.AsEnumerable().Reverse().ToList()), PlanRequest.JsonOptions);
            Assert.Equal(a, b);
        }, iter: 30);
    }

    [Fact]
    public void No_constraint_is_ever_violated()
    {
        var gen = Gen.Select(Instances, Gen.Int[1, 15], Gen.Int[1, 3], Gen.Double[0, 8], Gen.Double[0, 20], Gen.Bool, Gen.Int[0, 4]);
        gen.Sample(t =>
        {
            var ((seed, count, radius, poverty), k, perKec, minKm, minPoverty, reach, statusFrom) = t;
            var villages = Random(seed, count);
            var statuses = IdmStatuses.Ordered.Take(statusFrom + 1).ToList();
            var constraints = new ConstraintsRequest
            {
                IdmStatus = statuses,
                Thresholds = [new() { Criterion = "poverty_rate", Min = minPoverty }],
                MaxPerKecamatan = perKec,
                MinDistanceKm = minKm,
            };
            var exclude = villages.Where((_, i) => i % 7 == 3).Select(v => v.Kode).ToList();
            var request = reach
                ? ReachRequest(k, radius, poverty, constraints, new() { Exclude = exclude })
                : new PlanRequest { K = k, Criteria = [C("poverty_rate"), C("population")], Constraints = constraints, Pins = new() { Exclude = exclude }, Robustness = new() { Draws = 0 } };
            PlanResult result;
            try { result = Planner.Run(Plan(request), villages); }
            catch (PlanValidationException ex) when (ex.Errors.All(e => e.Path == "constraints")) { return; }

            var byCode = villages.ToDictionary(v => v.Kode);
            var pilots = result.Selected.Select(s => byCode[s.Kode]).ToList();
            Assert.True(pilots.Count <= k);
            foreach (var p in pilots)
            {
                Assert.Contains(p.IdmStatus, statuses);
                Assert.True(p.PovertyRate >= minPoverty);
                Assert.DoesNotContain(p.Kode, exclude);
            }
            Assert.All(pilots.GroupBy(p => p.KecamatanKode), g => Assert.True(g.Count() <= perKec));
            for (int a = 0; a < pilots.Count; a++)
                for (int b = a + 1; b < pilots.Count; b++)
                    Assert.True(GeoDistance.Km(pilots[a].Lon, pilots[a].Lat, pilots[b].Lon, pilots[b].Lat) >= minKm);
        }, iter: 80);
    }

    [Fact]
    public void Explanation_contributions_add_up_to_the_score()
    {
        var weights = Gen.Double[0, 5].Array[AllCriteria.Length];
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[5, 80], weights, Gen.Bool).Sample(t =>
        {
            var (seed, count, w, rank) = t;
            if (w.All(x => x == 0)) return;
            var villages = Random(seed, count);
            var criteria = AllCriteria.Select((id, i) => C(id, w[i], normalisation: rank ? "rank" : "minmax")).ToList();
            var result = Planner.Run(Plan(new PlanRequest { K = 10, Criteria = criteria, Robustness = new() { Draws = 0 } }), villages);
            foreach (var s in result.Selected)
            {
                Assert.Equal(s.Score, s.Contributions.Sum(c => c.Contribution), 9);
                Assert.Equal(1.0, s.Contributions.Sum(c => c.Weight), 9);
                Assert.All(s.Contributions, c => Assert.InRange(c.Normalised, 0, 1));
            }
            // Ranking order follows the score.
            for (int i = 1; i < result.Selected.Count; i++) Assert.True(result.Selected[i - 1].Score >= result.Selected[i].Score);
        }, iter: 60);
    }

    [Fact]
    public void Greedy_reach_is_at_least_1_minus_1_over_e_of_the_brute_forced_optimum()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[4, 11], Gen.Int[1, 3], Gen.Double[3, 25], Gen.Bool).Sample(t =>
        {
            var (seed, count, k, radius, poverty) = t;
            var villages = Random(seed, count, sizeKm: 40);
            var result = Planner.Run(Plan(ReachRequest(k, radius, poverty)), villages);
            double optimum = BruteForce(villages, k, radius, poverty);
            Assert.True(result.Summary.CoveredWeight >= (1 - 1 / Math.E) * optimum - 1e-9,
                $"greedy {result.Summary.CoveredWeight} < (1 − 1/e) × {optimum}");
            Assert.True(result.Summary.CoveredWeight <= optimum + 1e-9);
        }, iter: 60);
    }

    [Theory]
    [InlineData(11, 300, 10, 5.0)]
    [InlineData(12, 900, 25, 4.0)]
    [InlineData(13, 1800, 40, 3.0)]
    public void Greedy_reach_is_within_5_percent_of_the_exact_optimum(int seed, int count, int k, double radius)
    {
        var villages = Random(seed, count, sizeKm: 80, kecamatanCount: 10);
        var result = Planner.Run(Plan(new PlanRequest
        {
            Method = "reach", K = k, Criteria = [C("poverty_rate")],
            Reach = new() { RadiusKm = radius, Exact = true }, Robustness = new() { Draws = 0 },
        }), villages);
        var exact = result.Exact!;
        Assert.Contains(exact.Status, new[] { "optimal", "feasible" });
        Assert.Equal(result.Summary.CoveredWeight, exact.Greedy, 6);
        output.WriteLine($"{count} villages, k = {k}: greedy {exact.Greedy}, exact {exact.Optimum} ({exact.Status}, bound {exact.Bound}), gap {exact.GapPercent} %, {exact.Seconds} s");
        Assert.True(exact.GapPercent <= 5, $"gap {exact.GapPercent} % (greedy {exact.Greedy}, optimum {exact.Optimum}, bound {exact.Bound})");
    }

    private static double BruteForce(List<PlannerVillage> villages, int k, double radius, bool poverty)
    {
        int n = villages.Count;
        double best = 0;
        foreach (var set in Combinations(n, Math.Min(k, n)))
        {
            double total = 0;
            foreach (var v in villages)
                if (set.Any(p => GeoDistance.Km(v.Lon, v.Lat, villages[p].Lon, villages[p].Lat) <= radius))
                    total += poverty ? v.PovertyRate ?? 0 : 1;
            best = Math.Max(best, total);
        }
        return best;
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var idx = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])idx.Clone();
            int i = k - 1;
            while (i >= 0 && idx[i] == n - k + i) i--;
            if (i < 0) yield break;
            idx[i]++;
            for (int j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
        }
    }
}
