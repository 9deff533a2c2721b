using CsCheck;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Villages;
using static DesaGis.Planning.Tests.VillageFactory;

namespace DesaGis.Planning.Tests;

/// <summary>The missing-value rules: neutral (default), parent, exclude and zero, with their coverage and warnings.</summary>
public class MissingValueTests
{
    /// <summary>Ten villages with a poverty rate, and ten without one (their kabupaten's rate known, 25 %).</summary>
    private static List<PlannerVillage> HalfMeasured(int measured)
    {
        var list = new List<PlannerVillage>();
        for (int i = 0; i < 20; i++)
        {
            var v = At(Code(1 + i % 3, i), i * 3, 0);
            list.Add(i < measured
                ? v with { Figures = new Dictionary<string, IndicatorFigure> { ["poverty_rate"] = new(5 + i * 2, 25, "kabupaten") } }
                : v with { Figures = new Dictionary<string, IndicatorFigure> { ["poverty_rate"] = new(null, 25, "kabupaten") } });
        }
        return list;
    }

    private static PlanRequest Ranking(string rule, int k = 5, int draws = 0) => new()
    {
        K = k,
        Criteria = [C("poverty_rate", 3) with { Missing = rule }, C("distance_to_seat", 1)],
        Robustness = new() { Draws = draws, Seed = 3 },
    };

    private static List<PlannerVillage> WithSeat(List<PlannerVillage> villages) =>
        villages.Select((v, i) => v with { DistanceToSeatKm = (i * 7) % 20 }).ToList();

    [Fact]
    public void Neutral_gives_a_missing_value_the_median_of_the_measured_ones_and_marks_it_imputed()
    {
        var villages = WithSeat(HalfMeasured(12));
        var result = Planner.Run(Plan(Ranking("neutral", k: 20)), villages);
        var imputed = result.Selected.Single(s => s.Kode == Code(1 + 15 % 3, 15)).Contributions[0];
        // Measured: 5, 7, …, 27 (12 values): median (15 + 17) / 2 = 16.
        Assert.Equal("imputed", imputed.Source);
        Assert.Equal(16, imputed.Value!.Value, 9);
        Assert.True(imputed.Missing);
        var measured = result.Selected.Single(s => s.Kode == Code(1, 0)).Contributions[0];
        Assert.Equal("measured", measured.Source);
        var coverage = result.Coverage!.Single(c => c.Criterion == "poverty_rate");
        Assert.Equal((12, 0, 8, true), (coverage.Measured, coverage.Inherited, coverage.None, coverage.Used));
    }

    [Fact]
    public void Neutral_sets_a_criterion_aside_when_fewer_than_half_the_candidates_have_a_value_and_says_so()
    {
        var villages = WithSeat(HalfMeasured(4));
        var result = Planner.Run(Plan(Ranking("neutral")), villages);
        var coverage = result.Coverage!.Single(c => c.Criterion == "poverty_rate");
        Assert.False(coverage.Used);
        Assert.Equal(0, coverage.Weight);
        var warning = Assert.Single(result.Warnings, w => w.Code == "low-coverage");
        Assert.Equal("poverty_rate", warning.Criterion);
        Assert.Contains("only 4 of 20", warning.Message);
        // Pilots follow the other criterion, not the data: the four measured villages are not favoured.
        Assert.True(result.Selected.Count(s => int.Parse(s.Kode[^4..]) - 2000 < 4) <= 2);
    }

    [Fact]
    public void Parent_takes_the_kabupaten_value_and_marks_it_inherited()
    {
        var villages = WithSeat(HalfMeasured(4));
        var result = Planner.Run(Plan(Ranking("parent", k: 20)), villages);
        var inherited = result.Selected.Single(s => s.Kode == Code(1 + 10 % 3, 10)).Contributions[0];
        Assert.Equal(("inherited", "kabupaten", 25.0), (inherited.Source, inherited.FromLevel, inherited.Value!.Value));
        var coverage = result.Coverage!.Single(c => c.Criterion == "poverty_rate");
        Assert.Equal((4, 16, 0, true), (coverage.Measured, coverage.Inherited, coverage.None, coverage.Used));
    }

    [Fact]
    public void Exclude_makes_villages_without_a_value_ineligible_and_warns_how_few_remain()
    {
        var villages = WithSeat(HalfMeasured(4));
        var result = Planner.Run(Plan(Ranking("exclude")), villages);
        Assert.Equal(4, result.Summary.Eligible);
        Assert.Equal(4, result.Selected.Count);
        Assert.All(result.Selected, s => Assert.Equal("measured", s.Contributions[0].Source));
        Assert.Contains(result.Warnings, w => w.Code == "low-coverage" && w.Message.Contains("only those 4 villages can be pilots"));
        Assert.Contains(result.Warnings, w => w.Code == "fewer-pilots");
    }

    [Fact]
    public void Zero_lets_villages_win_for_having_data_and_the_result_says_so()
    {
        var villages = WithSeat(HalfMeasured(4));
        var result = Planner.Run(Plan(Ranking("zero", k: 4)), villages);
        Assert.Contains(result.Warnings, w => w.Code == "pilots-follow-data" && w.Criterion == "poverty_rate");
    }

    [Fact]
    public void A_criterion_with_one_value_for_nearly_everyone_is_named_as_deciding_nothing()
    {
        var villages = WithSeat(HalfMeasured(0));
        var result = Planner.Run(Plan(Ranking("parent")), villages);
        var warning = Assert.Single(result.Warnings, w => w.Code == "no-information");
        Assert.Contains("poverty_rate", warning.Message);
        Assert.Contains("decides nothing", warning.Message);
    }

    [Fact]
    public void Warnings_are_in_Bahasa_Indonesia_unless_English_is_asked_for()
    {
        var villages = WithSeat(HalfMeasured(4));
        var result = Planner.Run(PlanValidator.Validate(Ranking("neutral")), villages);
        Assert.Contains(result.Warnings, w => w.Code == "low-coverage" && w.Message.Contains("hanya 4 dari 20 desa kandidat"));
    }

    [Fact]
    public void Villages_with_the_same_score_share_a_rank_band_and_the_tie_break_is_named()
    {
        var villages = Enumerable.Range(0, 8).Select(i => At(Code(1, i), i, 0, poverty: i < 2 ? 30 - i : 10)).ToList();
        var result = Planner.Run(Plan(new PlanRequest { K = 4, Criteria = [C("poverty_rate")], Robustness = new() { Draws = 0 } }), villages);
        Assert.Null(result.Selected[0].RankBand);
        Assert.Equal([1, 2], result.Selected.Take(2).Select(s => s.ScoreRank));
        // Six villages tie at 10 %: the two chosen carry the band 3–8 and the lower codes.
        Assert.Equal([3, 8], result.Selected[2].RankBand);
        Assert.Equal(5, result.Selected[2].TiedWith);
        Assert.Equal([Code(1, 2), Code(1, 3)], result.Selected.Skip(2).Select(s => s.Kode));
        Assert.Contains(result.Warnings, w => w.Code == "tie-break" && w.Message.Contains("ranks 3–8"));
        Assert.Contains("ties with the last chosen pilot", result.RunnersUp[0].Detail);
    }

    [Fact]
    public void Property_a_missing_value_under_neutral_counts_exactly_as_the_median_so_no_other_village_gains_rank()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[8, 60]).Sample(t =>
        {
            var rng = new Random(t.Item1);
            var villages = Random(t.Item1, t.Item2);
            int b = rng.Next(villages.Count);
            var request = new PlanRequest
            {
                K = Math.Max(1, villages.Count / 4),
                Criteria = [C("poverty_rate", 1 + rng.Next(3)), C("idm_score", 1 + rng.Next(3)), C("distance_to_seat", 1)],
                Robustness = new() { Draws = 0 },
            };
            // Some villages lack the poverty rate (fewer than half, so the criterion stays in the score).
            var missing = villages.Select((v, i) => i != b && rng.NextDouble() < 0.3 ? v with { PovertyRate = null } : v).ToList();
            var others = missing.Where((v, i) => i != b && v.PovertyRate is not null).Select(v => v.PovertyRate!.Value).Order().ToArray();
            // With fewer than half measured the criterion is set aside: that threshold is a rule of its own.
            if (2 * others.Length < villages.Count) return;
            double median = others.Length % 2 == 1 ? others[others.Length / 2] : (others[others.Length / 2 - 1] + others[others.Length / 2]) / 2;
            var withMedian = missing.Select((v, i) => i == b ? v with { PovertyRate = median } : v).ToList();
            var withoutValue = missing.Select((v, i) => i == b ? v with { PovertyRate = null } : v).ToList();
            var ranksA = ScoreRanks(Planner.Run(Plan(request with { K = villages.Count }), withMedian));
            var ranksB = ScoreRanks(Planner.Run(Plan(request with { K = villages.Count }), withoutValue));
            foreach (var (kode, rank) in ranksB)
                if (kode != villages[b].Kode) Assert.True(rank >= ranksA[kode], $"{kode} rose from {ranksA[kode]} to {rank} because {villages[b].Kode} lost its value");
        }, iter: 60);
    }

    [Fact]
    public void Property_exclude_never_selects_a_village_without_the_value()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[8, 80], Gen.Int[1, 15]).Sample(t =>
        {
            var rng = new Random(t.Item1);
            var villages = Random(t.Item1, t.Item2).Select(v => rng.NextDouble() < 0.6 ? v with { IdmScore = null } : v).ToList();
            if (villages.All(v => v.IdmScore is null)) return;
            var result = Planner.Run(Plan(new PlanRequest
            {
                K = t.Item3,
                Criteria = [C("idm_score", 2) with { Missing = "exclude" }, C("poverty_rate")],
                Robustness = new() { Draws = 20, Seed = t.Item1 },
            }), villages);
            var codes = villages.Where(v => v.IdmScore is not null).Select(v => v.Kode).ToHashSet();
            Assert.All(result.Selected, s => Assert.Contains(s.Kode, codes));
            Assert.All(result.Robustness!.Acceptability!, a => Assert.Contains(a.Kode, codes));
            Assert.Equal(codes.Count, result.Summary.Eligible);
        }, iter: 60);
    }

    [Fact]
    public void Property_a_pilot_resting_on_an_imputed_value_is_never_reported_fully_stable()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[6, 30]).Sample(t =>
        {
            var rng = new Random(t.Item1);
            // One criterion, every value distinct, one village without it: it sits at the median.
            var villages = Enumerable.Range(0, t.Item2)
                .Select(i => At(Code(1 + i % 4, i), rng.NextDouble() * 50, rng.NextDouble() * 50, poverty: i + rng.NextDouble() * 0.5)).ToList();
            int x = rng.Next(villages.Count);
            villages[x] = villages[x] with { PovertyRate = null };
            var result = Planner.Run(Plan(new PlanRequest
            {
                K = villages.Count - 1 - rng.Next(villages.Count / 2),
                Criteria = [C("poverty_rate")],
                Robustness = new() { Draws = 200, Seed = t.Item1 },
            }), villages);
            var pilot = result.Selected.SingleOrDefault(s => s.Kode == villages[x].Kode);
            if (pilot is null) return;
            Assert.Equal("imputed", pilot.Contributions[0].Source);
            Assert.True(pilot.Stability < 1, $"stability {pilot.Stability} of a pilot resting on an imputed value");
            Assert.All(result.Selected.Where(s => s.Contributions.All(c => c.Source == "measured") && s.ScoreRank <= 1), s => Assert.True(s.Stability > 0));
        }, iter: 40);
    }

    private static Dictionary<string, int> ScoreRanks(Results.PlanResult result) =>
        result.Selected.ToDictionary(s => s.Kode, s => s.ScoreRank);
}
