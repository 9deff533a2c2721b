using DesaGis.Planning.Requests;
using static DesaGis.Planning.Tests.VillageFactory;

namespace DesaGis.Planning.Tests;

public class ValidationTests
{
    private static PlanValidationException Fails(PlanRequest request) =>
        Assert.Throws<PlanValidationException>(() => PlanValidator.Validate(request));

    [Fact]
    public void An_unknown_criterion_is_named_with_the_known_ones()
    {
        var ex = Fails(new PlanRequest { Criteria = [C("wealth")] });
        var error = Assert.Single(ex.Errors);
        Assert.Equal("criteria[0].criterion", error.Path);
        Assert.Contains("'wealth'", error.Message);
        Assert.Contains("poverty_rate", error.Message);
    }

    [Fact]
    public void Negative_and_all_zero_weights_are_refused()
    {
        Assert.Equal("criteria[1].weight", Assert.Single(Fails(new PlanRequest { Criteria = [C("population"), C("poverty_rate", -1)] }).Errors).Path);
        var zero = Assert.Single(Fails(new PlanRequest { Criteria = [C("population", 0), C("poverty_rate", 0)] }).Errors);
        Assert.Contains("All weights are zero", zero.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var ex = Fails(new PlanRequest
        {
            Method = "magic",
            K = 0,
            Criteria = [C("distance_to_point")],
            Constraints = new()
            {
                IdmStatus = ["RICH"],
                Thresholds = [new() { Criterion = "poverty_rate", Min = 30, Max = 10 }],
                MaxPerKecamatan = 0,
            },
            Reach = new() { RadiusKm = -1, Weighting = "area" },
            Pins = new() { Include = ["63.04.01.2001"], Exclude = ["63.04.01.2001", "nonsense"] },
        });
        var paths = ex.Errors.Select(e => e.Path).ToList();
        Assert.Contains("method", paths);
        Assert.Contains("k", paths);
        Assert.Contains("criteria[0].point", paths);
        Assert.Contains("constraints.idmStatus[0]", paths);
        Assert.Contains("constraints.thresholds[0]", paths);
        Assert.Contains("constraints.maxPerKecamatan", paths);
        Assert.Contains("reach.radiusKm", paths);
        Assert.Contains("reach.weighting", paths);
        Assert.Contains("pins.exclude[1]", paths);
        Assert.Contains("pins", paths);
        Assert.Contains(ex.Errors, e => e.Message.Contains("min 30 is greater than max 10"));
    }

    [Fact]
    public void A_malformed_polygon_or_area_code_is_refused()
    {
        var ex = Fails(new PlanRequest
        {
            Criteria = [C("population")],
            Area = new() { Kabupaten = ["63.04.01"], Polygon = System.Text.Json.JsonSerializer.SerializeToElement("POLYGON((1 2, 3") },
        });
        Assert.Contains(ex.Errors, e => e.Path == "area.kabupaten[0]");
        Assert.Contains(ex.Errors, e => e.Path == "area.polygon");
    }

    [Fact]
    public void A_GeoJSON_polygon_is_accepted()
    {
        var geojson = System.Text.Json.JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[114,-3],[115,-3],[115,-2],[114,-2],[114,-3]]]}""").RootElement;
        var p = PlanValidator.Validate(new PlanRequest { Criteria = [C("population")], Area = new() { Polygon = geojson } });
        Assert.NotNull(p.AreaPolygon);
        Assert.Equal(1.0, p.AreaPolygon!.Area, 9);
    }

    [Fact]
    public void Impossible_constraints_over_the_villages_say_what_to_change()
    {
        var villages = new[] { At("63.04.01.2001", 0, 0, poverty: 5), At("63.04.01.2002", 5, 0, poverty: 8) };
        var none = Assert.Throws<PlanValidationException>(() => Planner.Run(Plan(new PlanRequest
        {
            Criteria = [C("poverty_rate")], Constraints = new() { Thresholds = [new() { Criterion = "poverty_rate", Min = 20 }] },
        }), villages));
        Assert.Contains("loosen", Assert.Single(none.Errors).Message);

        var outside = Assert.Throws<PlanValidationException>(() => Planner.Run(Plan(new PlanRequest
        {
            Criteria = [C("poverty_rate")], Area = new() { Kabupaten = ["61.06"] },
        }), villages));
        Assert.Equal("area", Assert.Single(outside.Errors).Path);

        var pin = Assert.Throws<PlanValidationException>(() => Planner.Run(Plan(new PlanRequest
        {
            Criteria = [C("poverty_rate")], Pins = new() { Include = ["63.04.09.2009"] },
        }), villages));
        Assert.Contains("unknown", Assert.Single(pin.Errors).Message);
    }

    [Fact]
    public void Defaults_are_filled_in_the_echoed_parameters()
    {
        var p = PlanValidator.Validate(new PlanRequest { Criteria = [C("idm_score")] });
        Assert.Equal("ranking", p.Normalised.Method);
        Assert.Equal(10, p.Normalised.K);
        Assert.Equal("cost", p.Normalised.Criteria![0].Direction);
        Assert.Equal("minmax", p.Normalised.Criteria[0].Normalisation);
        Assert.Equal(200, p.Normalised.Robustness!.Draws);
    }
}
