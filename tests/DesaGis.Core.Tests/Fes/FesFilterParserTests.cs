using DesaGis.Core.Cql2;
using DesaGis.Core.Features;
using DesaGis.Core.Fes;
using DesaGis.Core.Layers;
using DesaGis.Core.Ogc;
using NetTopologySuite.Geometries;

namespace DesaGis.Core.Tests.Fes;

public class FesFilterParserTests
{
    private static readonly LayerDefinition Villages = new()
    {
        Id = "village_indicators",
        Title = "Villages",
        Description = "Villages",
        Relation = "village_indicators",
        IdColumn = "kode",
        GeometryKind = GeometryKind.MultiPolygon,
        Properties =
        [
            new("kode", "kode", PropertyType.String, "Code"),
            new("nama", "nama", PropertyType.String, "Name"),
            new("poverty_rate", "poverty_rate", PropertyType.Number, "Poverty"),
            new("population", "population", PropertyType.Integer, "Population"),
            new("in_transmigration_area", "in_transmigration_area", PropertyType.Boolean, "Transmigration"),
        ],
    };

    private static readonly CrsDefinition LatLon = OgcCrsNames.ByCode(4326, lonLat: false)!;

    private static FesFilter Parse(string predicate, string ns = "http://www.opengis.net/fes/2.0") =>
        FesFilterParser.Parse($"<Filter xmlns=\"{ns}\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">{predicate}</Filter>", Villages, LatLon);

    [Theory]
    [InlineData("<PropertyIsEqualTo><ValueReference>nama</ValueReference><Literal>Sungai Raya</Literal></PropertyIsEqualTo>", "nama = 'Sungai Raya'")]
    [InlineData("<PropertyIsGreaterThan><ValueReference>desagis:poverty_rate</ValueReference><Literal>20</Literal></PropertyIsGreaterThan>", "poverty_rate > 20")]
    [InlineData("<PropertyIsLessThanOrEqualTo><Literal>500</Literal><ValueReference>population</ValueReference></PropertyIsLessThanOrEqualTo>", "500 <= population")]
    [InlineData("<And><PropertyIsNotEqualTo><ValueReference>kode</ValueReference><Literal>99.01</Literal></PropertyIsNotEqualTo><Not><PropertyIsNull><ValueReference>poverty_rate</ValueReference></PropertyIsNull></Not></And>",
        "kode <> '99.01' AND NOT poverty_rate IS NULL")]
    [InlineData("<Or><PropertyIsBetween><ValueReference>poverty_rate</ValueReference><LowerBoundary><Literal>5</Literal></LowerBoundary><UpperBoundary><Literal>10</Literal></UpperBoundary></PropertyIsBetween><PropertyIsEqualTo><ValueReference>in_transmigration_area</ValueReference><Literal>1</Literal></PropertyIsEqualTo></Or>",
        "poverty_rate BETWEEN 5 AND 10 OR in_transmigration_area = TRUE")]
    [InlineData("<PropertyIsEqualTo><ValueReference>desagis:village_indicators/desagis:nama</ValueReference><Literal>x</Literal></PropertyIsEqualTo>", "nama = 'x'")]
    public void Comparisons_and_logic_become_the_CQL2_tree(string predicate, string cql2)
    {
        var expected = Cql2TextParser.Parse(cql2);
        Assert.Equal(expected.ToString(), Parse(predicate).Expression.ToString());
    }

    [Fact]
    public void Filter_1_1_reads_like_FES_2_0()
    {
        var filter = Parse("<PropertyIsGreaterThan><PropertyName>poverty_rate</PropertyName><Literal>20</Literal></PropertyIsGreaterThan>", "http://www.opengis.net/ogc");
        Assert.Equal(Cql2TextParser.Parse("poverty_rate > 20").ToString(), filter.Expression.ToString());
    }

    [Theory]
    [InlineData("*", "_", "!", "Sungai*", "Sungai%")]
    [InlineData("*", ".", "!", "S.ngai 100%*", "S_ngai 100\\%%")]
    [InlineData("%", "?", "\\", "a\\%b?%", "a\\%b_%")]
    [InlineData("*", "_", "!", "!*lit!!_x", "*lit!_x")]
    public void Like_patterns_are_turned_into_SQL_LIKE_with_its_own_wildcards_escaped(string wildCard, string single, string escape, string pattern, string sql)
    {
        Assert.Equal(sql, FesFilterParser.ToSqlPattern(pattern, wildCard[0], single[0], escape[0]));
        var like = Assert.IsType<CqlLike>(Parse($"<PropertyIsLike wildCard=\"{wildCard}\" singleChar=\"{single}\" escapeChar=\"{escape}\"><ValueReference>nama</ValueReference><Literal>{System.Security.SecurityElement.Escape(pattern)}</Literal></PropertyIsLike>").Expression);
        Assert.Equal(sql, ((CqlLiteral)like.Pattern).Value);
        Assert.False(like.IgnoreCase);
    }

    [Fact]
    public void MatchCase_false_compares_case_insensitively()
    {
        var like = Assert.IsType<CqlLike>(Parse("<PropertyIsEqualTo matchCase=\"false\"><ValueReference>nama</ValueReference><Literal>Sungai_Raya</Literal></PropertyIsEqualTo>").Expression);
        Assert.True(like.IgnoreCase);
        Assert.Equal("Sungai\\_Raya", ((CqlLiteral)like.Pattern).Value);
    }

    [Fact]
    public void A_latitude_first_envelope_is_turned_to_longitude_first()
    {
        var filter = Parse("<BBOX><ValueReference>geometry</ValueReference><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:lowerCorner>-3.3 114.4</gml:lowerCorner><gml:upperCorner>-3.2 114.5</gml:upperCorner></gml:Envelope></BBOX>");
        var spatial = Assert.IsType<CqlSpatial>(filter.Expression);
        Assert.Equal(CqlSpatialOperator.Intersects, spatial.Operator);
        var box = ((CqlGeometry)spatial.Right).Geometry.EnvelopeInternal;
        Assert.Equal(new Envelope(114.4, 114.5, -3.3, -3.2), box);
        Assert.False(filter.Crs.LatitudeFirst);
        Assert.Equal(4326, filter.Crs.Srid);
    }

    [Fact]
    public void A_geometry_without_srsName_is_in_the_types_default_CRS()
    {
        // GDAL sends BBOX envelopes without srsName, in the DefaultCRS's axis order (EPSG:4326 latitude first).
        var filter = Parse("<BBOX><gml:Envelope><gml:lowerCorner>-3.3 114.4</gml:lowerCorner><gml:upperCorner>-3.2 114.5</gml:upperCorner></gml:Envelope></BBOX>");
        Assert.Equal(114.4, ((CqlGeometry)((CqlSpatial)filter.Expression).Right).Geometry.EnvelopeInternal.MinX);
    }

    [Fact]
    public void Projected_polygons_keep_their_CRS_and_GML_2_coordinates_are_read()
    {
        var filter = Parse("<Within><ValueReference>geometry</ValueReference><gml:Polygon srsName=\"EPSG:32750\"><gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>1,2 3,2 3,4 1,4</gml:coordinates></gml:LinearRing></gml:outerBoundaryIs></gml:Polygon></Within>");
        Assert.Equal(32750, filter.Crs.Srid);
        var polygon = Assert.IsType<Polygon>(((CqlGeometry)((CqlSpatial)filter.Expression).Right).Geometry);
        Assert.True(polygon.Shell.IsClosed);
        Assert.Equal(4.0, polygon.Area);
    }

    [Fact]
    public void Resource_ids_become_an_IN_on_the_id_property()
    {
        var filter = FesFilterParser.Parse("<Filter xmlns=\"http://www.opengis.net/fes/2.0\"><ResourceId rid=\"village_indicators.63.04.01.2001\"/><ResourceId rid=\"63.04.01.2002\"/></Filter>", Villages, LatLon);
        Assert.Equal(Cql2TextParser.Parse("kode IN ('63.04.01.2001', '63.04.01.2002')").ToString(), filter.Expression.ToString());
        Assert.Throws<CqlException>(() => FesFilterParser.FeatureIds(["kecamatan.63.04.01"], Villages));
    }

    [Theory]
    [InlineData("<PropertyIsEqualTo><ValueReference>nama; DROP TABLE x</ValueReference><Literal>1</Literal></PropertyIsEqualTo>", "not a queryable property")]
    [InlineData("<PropertyIsEqualTo><ValueReference>secret</ValueReference><Literal>1</Literal></PropertyIsEqualTo>", "not a queryable property")]
    [InlineData("<PropertyIsEqualTo><ValueReference>poverty_rate</ValueReference><Literal>many</Literal></PropertyIsEqualTo>", "is a number")]
    [InlineData("<PropertyIsEqualTo><Function name=\"pg_sleep\"><Literal>9</Literal></Function><Literal>1</Literal></PropertyIsEqualTo>", "Functions")]
    [InlineData("<DWithin><ValueReference>geometry</ValueReference><gml:Point><gml:pos>0 0</gml:pos></gml:Point><Distance uom=\"m\">5</Distance></DWithin>", "distance")]
    [InlineData("<After><ValueReference>population</ValueReference><Literal>2020</Literal></After>", "Temporal")]
    [InlineData("<BBOX><gml:Envelope srsName=\"EPSG:9999\"><gml:lowerCorner>0 0</gml:lowerCorner><gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></BBOX>", "srsName")]
    [InlineData("<BBOX><gml:Envelope><gml:lowerCorner>1 1</gml:lowerCorner><gml:upperCorner>0 0</gml:upperCorner></gml:Envelope></BBOX>", "inverted")]
    [InlineData("<And><PropertyIsNull><ValueReference>nama</ValueReference></PropertyIsNull></And>", "at least two")]
    public void What_cannot_be_served_is_refused_with_the_reason(string predicate, string reason)
    {
        var ex = Assert.Throws<CqlException>(() => Parse(predicate));
        Assert.Contains(reason, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Entity_declarations_and_deep_nesting_are_refused_before_any_expansion()
    {
        var bomb = "<!DOCTYPE f [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Filter xmlns=\"http://www.opengis.net/fes/2.0\"><PropertyIsEqualTo><ValueReference>nama</ValueReference><Literal>&b;</Literal></PropertyIsEqualTo></Filter>";
        Assert.Contains("DTD", Assert.Throws<CqlException>(() => FesFilterParser.Parse(bomb, Villages, LatLon)).Message);
        var external = "<!DOCTYPE f [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Filter xmlns=\"http://www.opengis.net/fes/2.0\"><PropertyIsNull><ValueReference>&x;</ValueReference></PropertyIsNull></Filter>";
        Assert.Throws<CqlException>(() => FesFilterParser.Parse(external, Villages, LatLon));
        var deep = "<Filter xmlns=\"http://www.opengis.net/fes/2.0\">" + string.Concat(Enumerable.Repeat("<Not>", 500)) +
                   "<PropertyIsNull><ValueReference>nama</ValueReference></PropertyIsNull>" + string.Concat(Enumerable.Repeat("</Not>", 500)) + "</Filter>";
        Assert.Contains("deep", Assert.Throws<CqlException>(() => FesFilterParser.Parse(deep, Villages, LatLon)).Message);
        Assert.Contains("characters", Assert.Throws<CqlException>(() => FesFilterParser.Parse(new string('x', SafeXml.MaxCharacters + 1), Villages, LatLon)).Message);
    }
}
