using DesaGis.Core.Cql2;
using NetTopologySuite.Geometries;

namespace DesaGis.Core.Tests.Cql2;

public class Cql2JsonParserTests
{
    [Theory]
    [InlineData("""{"op":">","args":[{"property":"poverty_rate"},15]}""", "poverty_rate > 15")]
    [InlineData("""{"op":"and","args":[{"op":"=","args":[{"property":"a"},"x"]},{"op":"<>","args":[{"property":"b"},2]}]}""", "a = 'x' AND b <> 2")]
    [InlineData("""{"op":"or","args":[{"op":"<","args":[{"property":"a"},1]},{"op":"not","args":[{"op":"isNull","args":[{"property":"b"}]}]}]}""", "a < 1 OR NOT b IS NULL")]
    [InlineData("""{"op":"like","args":[{"property":"nama"},"Sung%"]}""", "nama LIKE 'Sung%'")]
    [InlineData("""{"op":"between","args":[{"property":"x"},1,2]}""", "x BETWEEN 1 AND 2")]
    [InlineData("""{"op":"in","args":[{"property":"s"},["a","b"]]}""", "s IN ('a', 'b')")]
    [InlineData("""{"op":"=","args":[{"property":"flag"},true]}""", "flag = TRUE")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[0,0,1,1]}]}""", "S_INTERSECTS(geometry, BBOX(0,0,1,1))")]
    [InlineData("true", "TRUE")]
    public void JSON_and_text_give_the_same_tree(string json, string text)
    {
        Assert.Equal(Cql2TextParser.Parse(text).ToString(), Cql2JsonParser.Parse(json).ToString());
    }

    [Fact]
    public void GeoJSON_geometries_are_read_as_spatial_literals()
    {
        var e = Assert.IsType<CqlSpatial>(Cql2JsonParser.Parse("""
            {"op":"s_within","args":[{"property":"geometry"},{"type":"MultiPolygon","coordinates":[[[[0,0],[2,0],[2,2],[0,2],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}]}
            """));
        Assert.Equal(CqlSpatialOperator.Within, e.Operator);
        var g = Assert.IsType<MultiPolygon>(Assert.IsType<CqlGeometry>(e.Right).Geometry);
        Assert.Equal(4.5, g.Area, 9);
        var point = Assert.IsType<CqlSpatial>(Cql2JsonParser.Parse("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[114.5,-3.2]}]}"""));
        Assert.Equal(114.5, Assert.IsType<Point>(Assert.IsType<CqlGeometry>(point.Right).Geometry).X);
    }

    [Theory]
    [InlineData("{not json", "JSON")]
    [InlineData("""{"args":[]}""", "op")]
    [InlineData("""{"op":"=","args":[{"property":"a"}]}""", "2 argument")]
    [InlineData("""{"op":"and","args":[{"op":"=","args":[{"property":"a"},1]}]}""", "two")]
    [InlineData("""{"op":"t_before","args":[{"property":"a"},{"date":"2020-01-01"}]}""", "t_before")]
    [InlineData("""{"op":"=","args":[{"property":"a"},{"date":"2020-01-01"}]}""", "Temporal")]
    [InlineData("""{"op":"=","args":[{"property":"a"},{"op":"+","args":[1,2]}]}""", "Arithmetic")]
    [InlineData("""{"op":"=","args":[{"property":"a"},{"op":"upper","args":["x"]}]}""", "upper")]
    [InlineData("""{"op":"in","args":[{"property":"a"},[]]}""", "non-empty")]
    [InlineData("""{"op":"=","args":[{"property":"a"},null]}""", "value")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Circle","coordinates":[1,2]}]}""", "Circle")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[3,0,1,1]}]}""", "inverted")]
    public void Bad_or_unsupported_JSON_is_refused_with_a_message_that_names_it(string json, string named)
    {
        var ex = Assert.Throws<CqlException>(() => Cql2JsonParser.Parse(json));
        Assert.Contains(named, ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
