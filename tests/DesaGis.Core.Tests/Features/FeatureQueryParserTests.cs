using DesaGis.Core.Cql2;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;

namespace DesaGis.Core.Tests.Features;

public class FeatureQueryParserTests
{
    private static readonly LayerDefinition Layer = new()
    {
        Id = "villages",
        Title = "Villages",
        Description = "Test layer",
        Relation = "desa",
        IdColumn = "kode",
        GeometryKind = GeometryKind.MultiPolygon,
        TemporalColumn = "year",
        Properties =
        [
            new LayerProperty("kode", "kode", PropertyType.String, "code"),
            new LayerProperty("nama", "nama", PropertyType.String, "name"),
            new LayerProperty("kabupaten_kode", "kabupaten_kode", PropertyType.String, "regency"),
            new LayerProperty("poverty_rate", "poverty_rate", PropertyType.Number, "rate"),
            new LayerProperty("year", "year", PropertyType.Integer, "year"),
        ],
    };

    private static FeatureQuery Parse(params (string Key, string Value)[] p) =>
        FeatureQueryParser.Parse(Layer, p.ToDictionary(x => x.Key, x => x.Value));

    [Fact]
    public void Defaults_are_CRS84_100_items_from_the_start()
    {
        var q = Parse();
        Assert.Equal(100, q.Limit);
        Assert.Equal(0, q.Offset);
        Assert.True(q.Crs.IsCrs84);
        Assert.Null(q.Bbox);
        Assert.Null(q.Filter);
        Assert.Equal(Layer.Properties, q.SelectedProperties);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10000", 10000)]
    [InlineData("10001", 10000)]
    [InlineData("99999999999999999999999", 10000)]
    public void Limit_is_clamped_to_the_maximum(string text, int expected) => Assert.Equal(expected, FeatureQueryParser.Limit(text));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public void A_limit_below_one_or_not_a_number_is_refused(string text)
    {
        var ex = Assert.Throws<FeatureQueryException>(() => FeatureQueryParser.Limit(text));
        Assert.Equal("limit", ex.Parameter);
    }

    [Fact]
    public void A_latitude_first_bbox_is_carried_in_longitude_latitude_order()
    {
        var q = Parse(("bbox", "-3.5,114,-2.5,115"), ("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/4326"));
        Assert.Equal(new BoundingBox(114, -3.5, 115, -2.5), q.Bbox);
        Assert.Equal(4326, q.BboxCrs.Srid);
    }

    [Fact]
    public void A_CRS84_bbox_may_cross_the_antimeridian_but_a_projected_one_may_not_be_inverted()
    {
        Assert.True(Parse(("bbox", "170,-20,-170,-10")).Bbox!.Value.CrossesAntimeridian);
        var ex = Assert.Throws<FeatureQueryException>(() => Parse(("bbox", "500000,9000000,400000,9100000"), ("bbox-crs", "EPSG:32750")));
        Assert.Equal("bbox", ex.Parameter);
    }

    [Fact]
    public void Properties_sortby_and_equality_parameters_are_looked_up_in_the_layer()
    {
        var q = Parse(("properties", "nama, poverty_rate"), ("sortby", " nama,-poverty_rate"), ("kabupaten_kode", "63.04"));
        Assert.Equal(["nama", "poverty_rate"], q.Properties!.Select(p => p.Name));
        Assert.Equal([("nama", false), ("poverty_rate", true)], q.SortBy.Select(k => (k.Property.Name, k.Descending)));
        var filter = Assert.IsType<CqlComparison>(q.Filter);
        Assert.Equal("\"kabupaten_kode\" = '63.04'", filter.ToString());
    }

    [Fact]
    public void An_equality_parameter_and_a_CQL2_filter_are_combined_with_AND()
    {
        var q = Parse(("kabupaten_kode", "63.04"), ("filter", "poverty_rate > 10"));
        var and = Assert.IsType<CqlAnd>(q.Filter);
        Assert.Equal(2, and.Operands.Count);
    }

    [Theory]
    [InlineData("colour", "red", "colour", FeatureQueryErrorKind.Parameter)]
    [InlineData("poverty_rate", "high", "poverty_rate", FeatureQueryErrorKind.Parameter)]
    [InlineData("sortby", "password", "sortby", FeatureQueryErrorKind.Parameter)]
    [InlineData("properties", "nama,password", "properties", FeatureQueryErrorKind.Parameter)]
    [InlineData("crs", "EPSG:27700", "crs", FeatureQueryErrorKind.Crs)]
    [InlineData("filter-crs", "EPSG:1", "filter-crs", FeatureQueryErrorKind.Crs)]
    [InlineData("filter", "nama = ", "filter", FeatureQueryErrorKind.Filter)]
    [InlineData("filter-lang", "ecql", "filter-lang", FeatureQueryErrorKind.Filter)]
    [InlineData("datetime", "soon", "datetime", FeatureQueryErrorKind.Parameter)]
    [InlineData("offset", "-1", "offset", FeatureQueryErrorKind.Parameter)]
    public void Wrong_parameters_are_refused_naming_the_parameter(string key, string value, string parameter, FeatureQueryErrorKind kind)
    {
        var ex = Assert.Throws<FeatureQueryException>(() => Parse((key, value)));
        Assert.Equal(parameter, ex.Parameter);
        Assert.Equal(kind, ex.Kind);
    }

    [Theory]
    [InlineData("2023-05-01T00:00:00Z", 2023, 2023)]
    [InlineData("2021-01-01T00:00:00Z/2023-12-31T23:59:59Z", 2021, 2023)]
    [InlineData("../2022-01-01", null, 2022)]
    [InlineData("2020-01-01T00:00:00Z/..", 2020, null)]
    public void Datetime_becomes_a_year_interval(string text, int? from, int? to)
    {
        Assert.Equal((from, to), Parse(("datetime", text)).Years);
    }
}
