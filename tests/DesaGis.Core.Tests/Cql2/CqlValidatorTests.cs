using DesaGis.Core.Cql2;
using DesaGis.Core.Layers;

namespace DesaGis.Core.Tests.Cql2;

public class CqlValidatorTests
{
    private static readonly LayerDefinition Layer = new()
    {
        Id = "villages",
        Title = "Villages",
        Description = "Test layer",
        Relation = "desa",
        IdColumn = "kode",
        GeometryKind = GeometryKind.MultiPolygon,
        Properties =
        [
            new LayerProperty("kode", "kode", PropertyType.String, "code"),
            new LayerProperty("nama", "nama", PropertyType.String, "name"),
            new LayerProperty("poverty_rate", "poverty_rate", PropertyType.Number, "rate"),
            new LayerProperty("population", "population", PropertyType.Integer, "people"),
            new LayerProperty("covered", "covered", PropertyType.Boolean, "flag"),
            new LayerProperty("secret", "secret", PropertyType.String, "hidden", Queryable: false),
        ],
    };

    [Theory]
    [InlineData("poverty_rate > 10 AND population BETWEEN 100 AND 200")]
    [InlineData("nama LIKE 'A%' OR kode IN ('1', '2')")]
    [InlineData("covered = TRUE AND nama IS NULL")]
    [InlineData("population > poverty_rate")]
    [InlineData("S_INTERSECTS(geometry, BBOX(0, 0, 1, 1)) AND geometry IS NOT NULL")]
    public void Filters_on_queryables_with_matching_types_pass(string text)
    {
        CqlValidator.Validate(Cql2TextParser.Parse(text), Layer);
    }

    [Theory]
    [InlineData("colour = 'red'", "'colour' is not a queryable")]
    [InlineData("secret = 'x'", "'secret' is not a queryable")]
    [InlineData("nama = 5", "compares a text with a number")]
    [InlineData("poverty_rate = '5'", "compares a number with a text")]
    [InlineData("covered = 1", "boolean")]
    [InlineData("population LIKE '1%'", "LIKE compares text")]
    [InlineData("kode IN ('a', 2)", "text with a number")]
    [InlineData("S_INTERSECTS(nama, POINT(1 1))", "two geometries")]
    [InlineData("geometry = 'x'", "spatial functions")]
    [InlineData("nama = POINT(1 1)", "spatial functions")]
    public void Unknown_properties_and_type_mismatches_are_refused(string text, string message)
    {
        var ex = Assert.Throws<CqlException>(() => CqlValidator.Validate(Cql2TextParser.Parse(text), Layer));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void The_refusal_of_an_unknown_property_lists_the_queryables_but_not_hidden_ones()
    {
        var ex = Assert.Throws<CqlException>(() => CqlValidator.Validate(Cql2TextParser.Parse("x = 1"), Layer));
        Assert.Contains("poverty_rate", ex.Message);
        Assert.Contains("geometry", ex.Message);
        Assert.DoesNotContain("secret", ex.Message);
    }
}
