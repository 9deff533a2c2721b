using System.Diagnostics;
using DesaGis.Core.Cql2;
using DesaGis.Core.Features;
using DesaGis.Core.Tiles;

namespace DesaGis.Core.Tests.Cql2;

public class CqlLimitsTests
{
    [Fact]
    public void An_in_list_of_twelve_thousand_values_is_refused_on_the_token_stream_in_milliseconds()
    {
        var text = "poverty_rate IN (" + string.Join(",", Enumerable.Repeat("1", 12_000)) + ")";
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<CqlException>(() => Cql2TextParser.Parse(text));
        Assert.Contains($"more than {CqlLimits.MaxTokens} tokens", ex.Message);
        Assert.True(watch.ElapsedMilliseconds < 500, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void An_in_list_stops_at_its_one_thousand_and_first_value()
    {
        var ex = Assert.Throws<CqlException>(() => Cql2TextParser.Parse("poverty_rate IN (" + string.Join(",", Enumerable.Repeat("1", 1001)) + ")"));
        Assert.Contains("at most 1000 values", ex.Message);
        Assert.IsType<CqlIn>(Cql2TextParser.Parse("poverty_rate IN (" + string.Join(",", Enumerable.Repeat("1", 1000)) + ")"));
    }

    [Fact]
    public void A_json_in_list_is_refused_by_its_length()
    {
        var json = "{\"op\":\"in\",\"args\":[{\"property\":\"poverty_rate\"},[" + string.Join(",", Enumerable.Repeat("1", 1001)) + "]]}";
        Assert.Contains("at most 1000 values", Assert.Throws<CqlException>(() => Cql2JsonParser.Parse(json)).Message);
    }

    [Fact]
    public void A_filter_geometry_with_too_many_parts_is_refused_before_validation()
    {
        var wkt = "MULTIPOLYGON(" + string.Join(",", Enumerable.Repeat("((0 0,1 0,1 1,0 1,0 0))", CqlLimits.MaxGeometryParts + 1)) + ")";
        var ex = Assert.Throws<CqlException>(() => Cql2TextParser.Parse($"S_INTERSECTS(geometry, {wkt})"));
        Assert.Contains($"at most {CqlLimits.MaxGeometryParts}", ex.Message);
    }

    [Fact]
    public void A_utm_zone_accepts_its_own_area_and_refuses_far_outside_it()
    {
        var utm50s = CrsRegistry.Resolve("EPSG:32750")!;
        Assert.True(utm50s.Accepts(new BoundingBox(400_000, 9_600_000, 600_000, 9_800_000)));
        Assert.False(utm50s.Accepts(new BoundingBox(1e9, 1e9, 2e9, 2e9)));
        Assert.False(utm50s.Accepts(new BoundingBox(-5_000_000, 0, 5_000_000, 1_000_000)));
        Assert.Contains("easting", utm50s.DescribeDomain());
    }

    [Fact]
    public void Tiles_are_counted_over_a_zoom_range()
    {
        Assert.Equal(1, WebMercator.CountTiles(new BoundingBox(-180, -85, 180, 85), 0, 0));
        Assert.Equal(1 + 4, WebMercator.CountTiles(new BoundingBox(-180, -85, 180, 85), 0, 1));
        Assert.True(WebMercator.CountTiles(new BoundingBox(114, -3, 115, -2), 6, 14) < 5_000);
    }
}
