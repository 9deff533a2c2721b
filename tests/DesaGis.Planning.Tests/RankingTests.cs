using DesaGis.Planning.Requests;
using DesaGis.Planning.Results;
using static DesaGis.Planning.Tests.VillageFactory;

namespace DesaGis.Planning.Tests;

public class RankingTests
{
    private static readonly List<Villages.PlannerVillage> Four =
    [
        At("63.04.01.2001", 0, 0, poverty: 10),
        At("63.04.01.2002", 20, 0, poverty: 30),
        At("63.04.02.2003", 40, 0, poverty: 20),
        At("63.04.02.2004", 60, 0, poverty: 40),
    ];

    [Fact]
    public void The_poorest_villages_are_chosen_in_order_of_poverty()
    {
        var result = Planner.Run(Plan(new PlanRequest { K = 2, Criteria = [C("poverty_rate")], Robustness = new() { Draws = 0 } }), Four);

        Assert.Equal(["63.04.02.2004", "63.04.01.2002"], result.Selected.Select(s => s.Kode));
        Assert.Equal([1, 2], result.Selected.Select(s => s.Rank));
        // Min–max over 10..40: 40 → 1, 30 → 2/3.
        Assert.Equal(1.0, result.Selected[0].Score, 12);
        Assert.Equal(2.0 / 3, result.Selected[1].Score, 12);
        var runnerUp = result.RunnersUp[0];
        Assert.Equal("63.04.02.2003", runnerUp.Kode);
        Assert.Equal(RunnerUpReason.LowerScore, runnerUp.Reason);
        Assert.Contains("below", runnerUp.Detail);
    }

    [Fact]
    public void A_cost_criterion_favours_low_values()
    {
        var result = Planner.Run(Plan(new PlanRequest { K = 1, Criteria = [C("poverty_rate", direction: "cost")], Robustness = new() { Draws = 0 } }), Four);
        Assert.Equal("63.04.01.2001", Assert.Single(result.Selected).Kode);
    }

    [Fact]
    public void Contributions_are_weight_share_times_normalised_value_and_add_up_to_the_score()
    {
        var villages = Four.Select((v, i) => v with { Population = 1000 * (4 - i) }).ToList();
        var result = Planner.Run(Plan(new PlanRequest
        {
            K = 4,
            Criteria = [C("poverty_rate", 3), C("population", 1)],
            Robustness = new() { Draws = 0 },
        }), villages);

        // 63.04.01.2002: poverty 30 → 2/3, population 3000 → 2/3 of the way from 1000 to 4000.
        var v = result.Selected.Single(s => s.Kode == "63.04.01.2002");
        var poverty = v.Contributions.Single(c => c.Criterion == "poverty_rate");
        Assert.Equal(0.75, poverty.Weight, 12);
        Assert.Equal(2.0 / 3, poverty.Normalised, 12);
        Assert.Equal(0.5, poverty.Contribution, 12);
        Assert.Equal(30, poverty.Value);
        foreach (var s in result.Selected)
            Assert.Equal(s.Score, s.Contributions.Sum(c => c.Contribution), 12);
    }

    [Fact]
    public void A_kecamatan_quota_passes_over_a_better_village_and_says_why()
    {
        var result = Planner.Run(Plan(new PlanRequest
        {
            K = 2,
            Criteria = [C("poverty_rate")],
            Constraints = new() { MaxPerKecamatan = 1 },
            Robustness = new() { Draws = 0 },
        }), Four.Select(v => v.Kode == "63.04.02.2003" ? v with { PovertyRate = 35 } : v).ToList());

        // 2004 (40) and 2003 (35) share kecamatan 63.04.02: the second place goes to 2002 (30) in 63.04.01.
        Assert.Equal(["63.04.02.2004", "63.04.01.2002"], result.Selected.Select(s => s.Kode));
        var blocked = result.RunnersUp.Single(r => r.Kode == "63.04.02.2003");
        Assert.Equal(RunnerUpReason.Constraint, blocked.Reason);
        Assert.Contains("maxPerKecamatan = 1", blocked.Detail);
    }

    [Fact]
    public void A_minimum_distance_keeps_pilots_apart()
    {
        var villages = new List<Villages.PlannerVillage>
        {
            At("63.04.01.2001", 0, 0, poverty: 40),
            At("63.04.01.2002", 3, 0, poverty: 39),
            At("63.04.01.2003", 10, 0, poverty: 20),
        };
        var result = Planner.Run(Plan(new PlanRequest
        {
            K = 2,
            Criteria = [C("poverty_rate")],
            Constraints = new() { MinDistanceKm = 5 },
            Robustness = new() { Draws = 0 },
        }), villages);

        Assert.Equal(["63.04.01.2001", "63.04.01.2003"], result.Selected.Select(s => s.Kode));
        var near = result.RunnersUp.Single(r => r.Kode == "63.04.01.2002");
        Assert.Equal(RunnerUpReason.Constraint, near.Reason);
        Assert.Contains("km from pilot 63.04.01.2001", near.Detail);
    }

    [Fact]
    public void Pilot_constraints_filter_by_IDM_status_and_thresholds()
    {
        var villages = Four.Select((v, i) => v with { IdmStatus = i % 2 == 0 ? "TERTINGGAL" : "MAJU" }).ToList();
        var result = Planner.Run(Plan(new PlanRequest
        {
            K = 3,
            Criteria = [C("poverty_rate")],
            Constraints = new() { IdmStatus = ["TERTINGGAL"], Thresholds = [new() { Criterion = "poverty_rate", Min = 15 }] },
            Robustness = new() { Draws = 0 },
        }), villages);

        // TERTINGGAL: 2001 (10) and 2003 (20); only 2003 reaches 15 %.
        Assert.Equal("63.04.02.2003", Assert.Single(result.Selected).Kode);
        Assert.Contains(result.Warnings, w => w.Code == "fewer-pilots" && w.Message.Contains("Only 1 of the 3"));
        var maju = result.RunnersUp.Single(r => r.Kode == "63.04.02.2004");
        Assert.Equal(RunnerUpReason.Constraint, maju.Reason);
        Assert.Contains("IDM status MAJU", maju.Detail);
        Assert.Contains("below the minimum 15", result.RunnersUp.Single(r => r.Kode == "63.04.01.2001").Detail);
    }

    [Fact]
    public void A_pinned_village_is_always_selected_and_an_excluded_one_never()
    {
        var result = Planner.Run(Plan(new PlanRequest
        {
            K = 2,
            Criteria = [C("poverty_rate")],
            Pins = new() { Include = ["63.04.01.2001"], Exclude = ["63.04.02.2004"] },
            Robustness = new() { Draws = 50, Seed = 3 },
        }), Four);

        Assert.Equal(["63.04.01.2002", "63.04.01.2001"], result.Selected.Select(s => s.Kode));
        Assert.True(result.Selected.Single(s => s.Kode == "63.04.01.2001").Pinned);
        Assert.Equal(1.0, result.Selected.Single(s => s.Kode == "63.04.01.2001").Stability);
        Assert.Equal(RunnerUpReason.Excluded, result.RunnersUp.Single(r => r.Kode == "63.04.02.2004").Reason);
    }

    [Fact]
    public void The_area_limits_candidates_by_kecamatan_or_polygon()
    {
        var byKecamatan = Planner.Run(Plan(new PlanRequest
        {
            K = 4, Criteria = [C("poverty_rate")], Area = new() { Kecamatan = ["63.04.01"] }, Robustness = new() { Draws = 0 },
        }), Four);
        Assert.Equal(["63.04.01.2002", "63.04.01.2001"], byKecamatan.Selected.Select(s => s.Kode));

        // A box around the two eastern villages (40 and 60 km east).
        double lon1 = Four[2].Lon - 0.05, lon2 = Four[3].Lon + 0.05, lat1 = BaseLat - 0.05, lat2 = BaseLat + 0.05;
        var wkt = FormattableString.Invariant($"POLYGON(({lon1} {lat1},{lon2} {lat1},{lon2} {lat2},{lon1} {lat2},{lon1} {lat1}))");
        var byPolygon = Planner.Run(Plan(new PlanRequest
        {
            K = 4, Criteria = [C("poverty_rate")], Area = new() { Polygon = System.Text.Json.JsonSerializer.SerializeToElement(wkt) },
            Robustness = new() { Draws = 0 },
        }), Four);
        Assert.Equal(2, byPolygon.Summary.Candidates);
        Assert.Equal(["63.04.02.2004", "63.04.02.2003"], byPolygon.Selected.Select(s => s.Kode));
    }

    [Fact]
    public void Rank_normalisation_uses_percentile_ranks_with_shared_ties()
    {
        var n = Scoring.ScoreModel.Normalise([5, 1, 5, 9, double.NaN], Criteria.Normalisation.Rank, Criteria.Direction.Benefit);
        // Ranks among 4 values: 1 → 0, the two 5s share (1 + 2) / 2 = 1.5 → 0.5, 9 → 1; missing → 0.
        Assert.Equal([0.5, 0, 0.5, 1, 0], n);
    }

    [Fact]
    public void With_missing_zero_a_missing_value_contributes_nothing_and_is_flagged()
    {
        var villages = Four.Select((v, i) => i == 3 ? v with { PovertyRate = null } : v).ToList();
        var result = Planner.Run(Plan(new PlanRequest { K = 4, Criteria = [C("poverty_rate") with { Missing = "zero" }], Robustness = new() { Draws = 0 } }), villages);
        var missing = result.Selected.Single(s => s.Kode == "63.04.02.2004");
        Assert.Equal(0, missing.Score);
        Assert.True(missing.Contributions[0].Missing);
        Assert.Null(missing.Contributions[0].Value);
        Assert.Equal("missing", missing.Contributions[0].Source);
    }
}
