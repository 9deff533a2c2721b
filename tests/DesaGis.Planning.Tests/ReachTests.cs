using DesaGis.Planning.Requests;
using DesaGis.Planning.Results;
using DesaGis.Planning.Villages;
using static DesaGis.Planning.Tests.VillageFactory;

namespace DesaGis.Planning.Tests;

public class ReachTests
{
    // Cluster A: five villages within 2 km of (0, 0); cluster B: three around (50, 0); a lone village at (100, 0).
    private static readonly List<PlannerVillage> Clusters =
    [
        At("63.04.01.2001", 0, 0, poverty: 1),
        At("63.04.01.2002", 1, 0, poverty: 1),
        At("63.04.01.2003", -1, 0, poverty: 1),
        At("63.04.01.2004", 0, 1.5, poverty: 1),
        At("63.04.01.2005", 0, -1.5, poverty: 1),
        At("63.04.02.2006", 50, 0, poverty: 10),
        At("63.04.02.2007", 51, 0, poverty: 10),
        At("63.04.02.2008", 49, 0, poverty: 10),
        At("63.04.03.2009", 100, 0, poverty: 100),
    ];

    private static PlanResult Reach(int k, string weighting = "count", PinsRequest? pins = null) =>
        Planner.Run(Plan(new PlanRequest
        {
            Method = "reach",
            K = k,
            Criteria = [C("poverty_rate")],
            Reach = new() { RadiusKm = 5, Weighting = weighting },
            Pins = pins,
            Robustness = new() { Draws = 0 },
        }), Clusters);

    [Fact]
    public void One_pilot_goes_to_the_centre_of_the_largest_cluster()
    {
        var result = Reach(1);
        var pilot = Assert.Single(result.Selected);
        Assert.Equal("63.04.01.2001", pilot.Kode);
        Assert.Equal(5, pilot.Reached);
        Assert.Equal(5, pilot.MarginalGain);
        Assert.Equal(5, result.Summary.Covered);
        Assert.Equal(4, result.Covered.Count);
        Assert.All(result.Covered, c => Assert.Equal("63.04.01.2001", c.PilotKode));
        Assert.Equal(1.0, result.Covered.Single(c => c.Kode == "63.04.01.2002").DistanceKm, 1);
    }

    [Fact]
    public void Two_pilots_reach_both_clusters_and_the_runner_up_adds_less()
    {
        var result = Reach(2);
        Assert.Equal(["63.04.01.2001", "63.04.02.2006"], result.Selected.Select(s => s.Kode));
        Assert.Equal(8, result.Summary.Covered);
        Assert.Equal(8.0 / 9, result.Summary.CoverageShare, 6);
        var first = result.RunnersUp[0];
        Assert.Equal("63.04.03.2009", first.Kode);
        Assert.Equal(RunnerUpReason.LowerGain, first.Reason);
        Assert.Equal(1, first.MarginalGain);
        Assert.Contains("the last pilot chosen added 3", first.Detail);
    }

    [Fact]
    public void Poverty_weighting_sends_the_pilot_where_the_poor_are()
    {
        var result = Reach(1, "poverty");
        Assert.Equal("63.04.03.2009", Assert.Single(result.Selected).Kode);
        Assert.Equal(100, result.Summary.CoveredWeight);
    }

    [Fact]
    public void A_pinned_pilot_comes_first_and_the_rest_fill_the_gaps()
    {
        var result = Reach(2, pins: new() { Include = ["63.04.03.2009"] });
        Assert.Equal(["63.04.03.2009", "63.04.01.2001"], result.Selected.Select(s => s.Kode));
        Assert.True(result.Selected[0].Pinned);
    }

    [Fact]
    public void The_exact_solver_agrees_on_a_small_instance()
    {
        var result = Planner.Run(Plan(new PlanRequest
        {
            Method = "reach", K = 2, Criteria = [C("poverty_rate")],
            Reach = new() { RadiusKm = 5, Exact = true }, Robustness = new() { Draws = 0 },
        }), Clusters);
        Assert.NotNull(result.Exact);
        Assert.Equal("optimal", result.Exact!.Status);
        Assert.Equal(8, result.Exact.Optimum);
        Assert.Equal(8, result.Exact.Greedy);
        Assert.Equal(0, result.Exact.GapPercent);
    }
}
