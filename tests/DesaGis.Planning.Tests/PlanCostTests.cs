using DesaGis.Planning.Requests;
using static DesaGis.Planning.Tests.VillageFactory;

namespace DesaGis.Planning.Tests;

public class PlanCostTests
{
    [Fact]
    public void A_huge_reach_plan_is_refused_before_it_runs_with_what_to_change()
    {
        var villages = Random(3, 2000, sizeKm: 100);
        var parameters = Plan(new PlanRequest
        {
            Method = "reach", K = 1000, Criteria = [C("poverty_rate")],
            Reach = new ReachRequest { RadiusKm = 200 }, Robustness = new RobustnessRequest { Draws = 1000 },
        });
        var ex = Assert.Throws<PlanValidationException>(() => PlanCost.Check(parameters, villages));
        Assert.Contains("robustness.draws", ex.Errors.Single().Message);
    }

    [Fact]
    public void An_ordinary_reach_plan_is_within_the_limit()
    {
        var villages = Random(3, 2000, sizeKm: 100);
        var parameters = Plan(new PlanRequest { Method = "reach", K = 10, Criteria = [C("poverty_rate")], Reach = new ReachRequest { RadiusKm = 10 } });
        PlanCost.Check(parameters, villages);
        Assert.True(PlanCost.Estimate(parameters, villages) < PlanCost.MaxWork / 10);
    }

    [Fact]
    public void An_area_of_three_thousand_squares_is_refused_before_it_is_validated()
    {
        var squares = string.Join(",", Enumerable.Range(0, 3000).Select(i =>
        {
            double x = 114 + i % 60 * 0.01, y = -3 + i / 60 * 0.01;
            return FormattableString.Invariant($"(({x} {y},{x + 0.005} {y},{x + 0.005} {y + 0.005},{x} {y + 0.005},{x} {y}))");
        }));
        var polygon = System.Text.Json.JsonDocument.Parse("\"MULTIPOLYGON(" + squares + ")\"").RootElement.Clone();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.Throws<PlanValidationException>(() => PlanValidator.Validate(new PlanRequest
        {
            Criteria = [C("poverty_rate")], Area = new AreaRequest { Polygon = polygon },
        }));
        Assert.Contains(ex.Errors, e => e.Path == "area.polygon" && e.Message.Contains("at most 20000 vertices in 500 polygons"));
        Assert.True(watch.ElapsedMilliseconds < 1000, $"{watch.ElapsedMilliseconds} ms");
    }
}
