using DesaGis.Core.Cql2;
using NetTopologySuite.Geometries;

namespace DesaGis.Core.Tests.Cql2;

public class Cql2TextParserTests
{
    [Theory]
    [InlineData("poverty_rate > 15", "\"poverty_rate\" > 15")]
    [InlineData("nama = 'Sungai Lumbah'", "\"nama\" = 'Sungai Lumbah'")]
    [InlineData("a <> 1 AND b <= 2 AND c >= 3", "(\"a\" <> 1 AND \"b\" <= 2 AND \"c\" >= 3)")]
    [InlineData("a = 1 OR b = 2 AND c = 3", "(\"a\" = 1 OR (\"b\" = 2 AND \"c\" = 3))")]
    [InlineData("(a = 1 OR b = 2) AND c = 3", "((\"a\" = 1 OR \"b\" = 2) AND \"c\" = 3)")]
    [InlineData("NOT a = 1", "NOT \"a\" = 1")]
    [InlineData("nama LIKE 'Sung%'", "\"nama\" LIKE 'Sung%'")]
    [InlineData("nama NOT LIKE 'Sung%'", "NOT \"nama\" LIKE 'Sung%'")]
    [InlineData("x BETWEEN 1 AND 2.5", "\"x\" BETWEEN 1 AND 2.5")]
    [InlineData("x NOT BETWEEN -1 AND 2", "NOT \"x\" BETWEEN -1 AND 2")]
    [InlineData("s IN ('a', 'b','c')", "\"s\" IN ('a', 'b', 'c')")]
    [InlineData("s NOT IN ('a')", "NOT \"s\" IN ('a')")]
    [InlineData("s IS NULL", "\"s\" IS NULL")]
    [InlineData("s IS NOT NULL", "NOT \"s\" IS NULL")]
    [InlineData("flag = true", "\"flag\" = TRUE")]
    [InlineData("TRUE", "TRUE")]
    [InlineData("\"odd name\" = 'it''s'", "\"odd name\" = 'it''s'")]
    [InlineData("x = 1e3", "\"x\" = 1000")]
    [InlineData("a=1and b=2", "(\"a\" = 1 AND \"b\" = 2)")]
    public void Text_is_parsed_into_the_expected_tree(string text, string canonical)
    {
        Assert.Equal(canonical, Cql2TextParser.Parse(text).ToString());
    }

    [Fact]
    public void Keywords_are_case_insensitive()
    {
        Assert.Equal(Cql2TextParser.Parse("a = 1 AND b IS NOT NULL OR c LIKE 'x%'").ToString(),
            Cql2TextParser.Parse("a = 1 and b is not null or c like 'x%'").ToString());
    }

    [Fact]
    public void S_INTERSECTS_reads_a_WKT_polygon()
    {
        var e = Assert.IsType<CqlSpatial>(Cql2TextParser.Parse("S_INTERSECTS(geometry, POLYGON((114 -3, 115 -3, 115 -2, 114 -2, 114 -3)))"));
        Assert.Equal(CqlSpatialOperator.Intersects, e.Operator);
        Assert.Equal("geometry", Assert.IsType<CqlProperty>(e.Left).Name);
        var polygon = Assert.IsType<Polygon>(Assert.IsType<CqlGeometry>(e.Right).Geometry);
        Assert.Equal(1.0, polygon.Area, 9);
    }

    [Theory]
    [InlineData("POINT(114.5 -3.2)", "Point")]
    [InlineData("LINESTRING(0 0, 1 1)", "LineString")]
    [InlineData("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))", "MultiPolygon")]
    [InlineData("GEOMETRYCOLLECTION(POINT(0 0), LINESTRING(0 0, 1 1))", "GeometryCollection")]
    [InlineData("BBOX(114, -3.5, 115, -2.5)", "Polygon")]
    public void Geometry_literals_of_every_kind_are_read(string literal, string type)
    {
        var e = Assert.IsType<CqlSpatial>(Cql2TextParser.Parse($"s_intersects(geometry, {literal})"));
        Assert.Equal(type, Assert.IsType<CqlGeometry>(e.Right).Geometry.GeometryType);
    }

    [Fact]
    public void Other_spatial_functions_are_recognised()
    {
        foreach (var op in Enum.GetValues<CqlSpatialOperator>())
        {
            var e = Assert.IsType<CqlSpatial>(Cql2TextParser.Parse($"{CqlSpatial.FunctionName(op)}(geometry, POINT(1 2))"));
            Assert.Equal(op, e.Operator);
        }
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a = ", "ends")]
    [InlineData("a = 'open", "not closed")]
    [InlineData("a != 1", "<>")]
    [InlineData("a = 1;", ";")]
    [InlineData("a = b + 1", "Arithmetic")]
    [InlineData("a = 1 --", "Arithmetic")]
    [InlineData("(a = 1", "')'")]
    [InlineData("a = 1)", "end of the filter")]
    [InlineData("a", "comparison operator")]
    [InlineData("a IN 1", "'('")]
    [InlineData("a BETWEEN 1 OR 2", "AND")]
    [InlineData("T_AFTER(x, DATE('2020-01-01'))", "T_AFTER")]
    [InlineData("x = DATE('2020-01-01')", "DATE")]
    [InlineData("CASEI(nama) = 'a'", "CASEI")]
    [InlineData("upper(nama) = 'A'", "upper")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((1 2, 3)))", "WKT")]
    [InlineData("S_INTERSECTS(geometry, BBOX(1, 2, 3))", "BBOX")]
    [InlineData("S_INTERSECTS(geometry POINT(1 2))", "','")]
    [InlineData("a = 1 AND AND b = 2", "keyword")]
    public void Bad_or_unsupported_text_is_refused_with_a_message_that_names_it(string text, string named)
    {
        var ex = Assert.Throws<CqlException>(() => Cql2TextParser.Parse(text));
        Assert.Contains(named, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Deep_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        var text = new string('(', 5000) + "a = 1" + new string(')', 5000);
        Assert.Throws<CqlException>(() => Cql2TextParser.Parse(text));
        var nots = string.Concat(Enumerable.Repeat("NOT ", 5000)) + "a = 1";
        Assert.Throws<CqlException>(() => Cql2TextParser.Parse(nots));
    }

    [Fact]
    public void Overlong_filters_are_refused()
    {
        var text = "a IN (" + string.Join(",", Enumerable.Repeat("'xxxxxxxx'", 10_000)) + ")";
        var ex = Assert.Throws<CqlException>(() => Cql2TextParser.Parse(text));
        Assert.Contains("characters", ex.Message);
    }
}
