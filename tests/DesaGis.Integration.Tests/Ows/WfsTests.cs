using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DesaGis.Data.Catalog;
using DesaGis.Integration.Tests.Features;
using Microsoft.Data.Sqlite;
using static DesaGis.Integration.Tests.Ows.OwsXmlAssert;

namespace DesaGis.Integration.Tests.Ows;

/// <summary>
/// The WFS at /wfs against the real server on a real port, read by GDAL's WFS client (what QGIS and most SDI tools
/// use) and by parsing its GML and GeoJSON. Filters are checked against the same condition in SQL.
/// </summary>
public partial class WfsTests(FeaturesFixture f) : IClassFixture<FeaturesFixture>
{
    /// <summary>Each public type and the SQL that counts it: the OGC API's list plus the planner's (empty) layers.</summary>
    private static readonly IReadOnlyDictionary<string, string> CountSql = new Dictionary<string, string>(FeaturesFixture.CountSql)
    {
        ["scenario_pilots"] = "SELECT count(*) FROM desagis.scenario_pilots",
        ["scenario_coverage"] = "SELECT count(*) FROM desagis.scenario_coverage",
    };

    [Fact]
    public async Task Ogrinfo_lists_every_public_layer_with_the_count_the_database_holds()
    {
        var listing = await WmsTests.RunAsync("ogrinfo", "-ro", "-so", "WFS:" + f.Server.Url("/wfs"));
        var publicLayers = LayerCatalog.Default.Layers.Where(l => l.RequiredRole is null).Select(l => l.Id).ToList();
        Assert.Equal(publicLayers.Order(StringComparer.Ordinal), CountSql.Keys.Order(StringComparer.Ordinal));
        foreach (var id in publicLayers)
            Assert.Matches(new Regex(@"^\d+: desagis:" + Regex.Escape(id) + @" ", RegexOptions.Multiline), listing);
        Assert.DoesNotContain("extreme_poor_households", listing);

        foreach (var (id, sql) in CountSql)
        {
            var summary = await WmsTests.RunAsync("ogrinfo", "-ro", "-so", "WFS:" + f.Server.Url("/wfs"), "desagis:" + id);
            var count = FeatureCount().Match(summary);
            Assert.True(count.Success, $"ogrinfo gave no feature count for {id}:\n{summary}");
            Assert.Equal(await f.CountAsync(sql), long.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Ogr2ogr_downloads_a_filtered_layer_through_Filter_Encoding()
    {
        var dir = Directory.CreateTempSubdirectory("desagis-wfs-");
        try
        {
            var gpkg = Path.Combine(dir.FullName, "out.gpkg");
            // GDAL turns the -where and -spat into a FES 2.0 filter (PropertyIsGreaterThan, PropertyIsEqualTo, BBOX in
            // latitude-first EPSG:4326) and pages through the result 100 features at a time.
            await WmsTests.RunAsync("ogr2ogr", "-f", "GPKG", gpkg, "WFS:" + f.Server.Url("/wfs"), "desagis:village_indicators",
                "-where", "poverty_rate > 10 AND kabupaten_kode = '63.04'", "-spat", "114.40", "-3.30", "114.60", "-3.20", "-nln", "villages");
            var expected = await f.CountAsync("""
                SELECT count(*) FROM desagis.village_indicators WHERE poverty_rate > 10 AND kabupaten_kode = '63.04'
                   AND ST_Intersects(geom, ST_MakeEnvelope(114.40, -3.30, 114.60, -3.20, 4326))
                """);
            Assert.True(expected > 100, "the filter should span more than one page");
            await using var conn = new SqliteConnection($"Data Source={gpkg};Mode=ReadOnly;Pooling=False");
            await conn.OpenAsync();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT count(*), count(DISTINCT kode), min(poverty_rate) FROM villages";
                await using var reader = await cmd.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(expected, reader.GetInt64(0));
                Assert.Equal(expected, reader.GetInt64(1));
                Assert.True(reader.GetDouble(2) > 10);
            }
            await using (var names = conn.CreateCommand())
            {
                // Quotes, SQL and non-ASCII in names come through the GML unharmed.
                names.CommandText = "SELECT nama FROM villages WHERE kode = '63.04.01.2003'";
                var name = await names.ExecuteScalarAsync();
                if (name is string text) Assert.Equal(FeaturesFixture.HostileNames["63.04.01.2003"], text);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Capabilities_declare_the_types_CRSs_paging_and_filters_they_serve()
    {
        var doc = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
        var root = doc.Root!;
        Assert.Equal(Wfs + "WFS_Capabilities", root.Name);
        var types = root.Descendants(Wfs + "FeatureType").ToList();
        Assert.Equal(CountSql.Keys.Select(k => "desagis:" + k).Order(StringComparer.Ordinal),
            types.Select(t => t.Element(Wfs + "Name")!.Value).Order(StringComparer.Ordinal));
        var villages = types.Single(t => t.Element(Wfs + "Name")!.Value == "desagis:village_indicators");
        Assert.Equal("urn:ogc:def:crs:EPSG::4326", villages.Element(Wfs + "DefaultCRS")!.Value);
        Assert.Contains(villages.Elements(Wfs + "OtherCRS"), c => c.Value == "urn:ogc:def:crs:EPSG::32750");
        string? Constraint(string name) => root.Descendants(Ows11 + "Constraint").FirstOrDefault(c => (string?)c.Attribute("name") == name)?.Element(Ows11 + "DefaultValue")?.Value;
        Assert.Equal("TRUE", Constraint("ImplementsResultPaging"));
        Assert.Equal("FALSE", Constraint("ImplementsTransactionalWFS"));
        Assert.Contains(root.Descendants(Fes + "ComparisonOperator"), o => (string?)o.Attribute("name") == "PropertyIsLike");
        Assert.Contains(root.Descendants(Fes + "SpatialOperator"), o => (string?)o.Attribute("name") == "BBOX");
    }

    [Fact]
    public async Task DescribeFeatureType_types_every_property_as_the_catalog_does()
    {
        var doc = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=desagis:village_indicators");
        XNamespace xsd = "http://www.w3.org/2001/XMLSchema";
        var elements = doc.Descendants(xsd + "complexType").Single().Descendants(xsd + "element")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Attribute("type")!);
        Assert.Equal("xsd:double", elements["poverty_rate"]);
        Assert.Equal("xsd:int", elements["population"]);
        Assert.Equal("xsd:string", elements["nama"]);
        Assert.Equal("xsd:boolean", elements["in_transmigration_area"]);
        Assert.Equal("gml:MultiSurfacePropertyType", elements["geometry"]);
    }

    [Fact]
    public async Task GetFeature_pages_through_a_type_with_count_and_startIndex_and_says_how_many_match()
    {
        var total = await f.CountAsync("SELECT count(*) FROM desagis.desa");
        var seen = new List<string>();
        string? next = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:villages&COUNT=400&SORTBY=kode";
        int pages = 0;
        while (next is not null)
        {
            var doc = await GetXmlAsync(f.Client, next);
            var root = doc.Root!;
            Assert.Equal(total, long.Parse((string)root.Attribute("numberMatched")!, CultureInfo.InvariantCulture));
            var members = root.Elements(Wfs + "member").Select(m => m.Element(Ns + "villages")!).ToList();
            Assert.Equal(members.Count, int.Parse((string)root.Attribute("numberReturned")!, CultureInfo.InvariantCulture));
            seen.AddRange(members.Select(m => m.Element(Ns + "kode")!.Value));
            next = (string?)root.Attribute("next") is { } href ? new Uri(href).PathAndQuery : null;
            pages++;
        }
        Assert.Equal(4, pages);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Fact]
    public async Task Hits_count_without_sending_features()
    {
        var doc = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:village_indicators&RESULTTYPE=hits");
        Assert.Equal(await f.CountAsync("SELECT count(*) FROM desagis.village_indicators"), long.Parse((string)doc.Root!.Attribute("numberMatched")!, CultureInfo.InvariantCulture));
        Assert.Equal("0", (string?)doc.Root!.Attribute("numberReturned"));
        Assert.Empty(doc.Root!.Elements(Wfs + "member"));
    }

    [Theory]
    [InlineData("<PropertyIsGreaterThanOrEqualTo><ValueReference>poverty_rate</ValueReference><Literal>30</Literal></PropertyIsGreaterThanOrEqualTo>",
        "poverty_rate >= 30")]
    [InlineData("<And><PropertyIsLessThan><ValueReference>desagis:poverty_rate</ValueReference><Literal>5</Literal></PropertyIsLessThan><PropertyIsEqualTo><ValueReference>kecamatan_kode</ValueReference><Literal>63.04.02</Literal></PropertyIsEqualTo></And>",
        "poverty_rate < 5 AND kecamatan_kode = '63.04.02'")]
    [InlineData("<Or><PropertyIsNull><ValueReference>poverty_rate</ValueReference></PropertyIsNull><Not><PropertyIsBetween><ValueReference>idm_score</ValueReference><LowerBoundary><Literal>0.6</Literal></LowerBoundary><UpperBoundary><Literal>0.8</Literal></UpperBoundary></PropertyIsBetween></Not></Or>",
        "poverty_rate IS NULL OR NOT (idm_score BETWEEN 0.6 AND 0.8)")]
    [InlineData("<PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><ValueReference>nama</ValueReference><Literal>Desa Kecamatan 61.06-6 1*</Literal></PropertyIsLike>",
        "nama LIKE 'Desa Kecamatan 61.06-6 1%'")]
    [InlineData("<PropertyIsLike wildCard=\"*\" singleChar=\"_\" escapeChar=\"!\" matchCase=\"false\"><ValueReference>nama</ValueReference><Literal>*KAMPUNG 100%*</Literal></PropertyIsLike>",
        "nama ILIKE '%KAMPUNG 100!%%' ESCAPE '!'")]
    [InlineData("<BBOX><ValueReference>geometry</ValueReference><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:lowerCorner>-3.30 114.40</gml:lowerCorner><gml:upperCorner>-3.25 114.45</gml:upperCorner></gml:Envelope></BBOX>",
        "ST_Intersects(geom, ST_MakeEnvelope(114.40, -3.30, 114.45, -3.25, 4326))")]
    [InlineData("<BBOX><gml:Envelope srsName=\"EPSG:3857\"><gml:lowerCorner>12734000 -368000</gml:lowerCorner><gml:upperCorner>12740000 -362000</gml:upperCorner></gml:Envelope></BBOX>",
        "ST_Intersects(geom, ST_Transform(ST_MakeEnvelope(12734000, -368000, 12740000, -362000, 3857), 4326))")]
    [InlineData("<Within><ValueReference>geometry</ValueReference><gml:Polygon srsName=\"http://www.opengis.net/def/crs/EPSG/0/32750\"><gml:exterior><gml:LinearRing><gml:posList>211000 9634000 216000 9634000 216000 9640000 211000 9640000 211000 9634000</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></Within>",
        "ST_Within(geom, ST_Transform(ST_GeomFromText('POLYGON((211000 9634000, 216000 9634000, 216000 9640000, 211000 9640000, 211000 9634000))', 32750), 4326))")]
    public async Task Filter_Encoding_selects_what_the_same_condition_selects_in_SQL(string predicate, string sql)
    {
        var filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns=\"http://www.opengis.net/fes/2.0\">" +
                     predicate + "</fes:Filter>";
        var doc = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:village_indicators&RESULTTYPE=hits&FILTER=" + Uri.EscapeDataString(filter));
        var expected = await f.CountAsync("SELECT count(*) FROM desagis.village_indicators WHERE " + sql);
        Assert.True(expected > 0, $"the SQL {sql} selects nothing: the test would prove nothing");
        Assert.Equal(expected, long.Parse((string)doc.Root!.Attribute("numberMatched")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GML_3_2_carries_typed_values_and_latitude_first_geometry_by_default()
    {
        var doc = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:village_indicators&RESOURCEID=village_indicators.63.04.01.2001");
        var feature = doc.Root!.Element(Wfs + "member")!.Element(Ns + "village_indicators")!;
        Assert.Equal("village_indicators.63.04.01.2001", (string?)feature.Attribute(Gml + "id"));
        Assert.Equal(FeaturesFixture.HostileNames["63.04.01.2001"], feature.Element(Ns + "nama")!.Value);
        var surface = feature.Element(Ns + "geometry")!.Element(Gml + "MultiSurface")!;
        Assert.Equal("urn:ogc:def:crs:EPSG::4326", (string?)surface.Attribute("srsName"));
        var first = surface.Descendants(Gml + "posList").First().Value.Split(' ').Take(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.InRange(first[0], -3.31, -3.28);
        Assert.InRange(first[1], 114.39, 114.42);

        var lonFirst = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:village_indicators&RESOURCEID=village_indicators.63.04.01.2001&SRSNAME=EPSG:4326");
        var x = double.Parse(lonFirst.Descendants(Gml + "posList").First().Value.Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.InRange(x, 114.39, 114.42);
    }

    [Fact]
    public async Task GeoJSON_PROPERTYNAME_and_SORTBY_shape_the_answer()
    {
        using var response = await f.Client.GetAsync("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:village_indicators" +
            "&OUTPUTFORMAT=application/json&PROPERTYNAME=nama,poverty_rate&SORTBY=poverty_rate%20DESC&COUNT=5&FILTER=" +
            Uri.EscapeDataString("<Filter xmlns=\"http://www.opengis.net/fes/2.0\"><And><PropertyIsEqualTo><ValueReference>kecamatan_kode</ValueReference><Literal>63.04.03</Literal></PropertyIsEqualTo>" +
                                 "<Not><PropertyIsNull><ValueReference>poverty_rate</ValueReference></PropertyIsNull></Not></And></Filter>"));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(5, features.Count);
        var rates = features.Select(x => x.GetProperty("properties").GetProperty("poverty_rate").GetDouble()).ToList();
        Assert.Equal(rates.OrderDescending(), rates);
        Assert.Equal(await f.Database.ScalarAsync<double>("SELECT max(poverty_rate) FROM desagis.village_indicators WHERE kecamatan_kode = '63.04.03'"), rates[0]);
        Assert.Equal(["nama", "poverty_rate"], features[0].GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray());
        // PROPERTYNAME without the geometry leaves it out.
        Assert.Equal(JsonValueKind.Null, features[0].GetProperty("geometry").ValueKind);
    }

    [Fact]
    public async Task The_stored_query_GetFeatureById_answers_one_feature_or_NotFound()
    {
        var doc = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=kecamatan.63.04.02");
        Assert.Equal(Ns + "kecamatan", doc.Root!.Name);
        Assert.Equal("63.04.02", doc.Root!.Element(Ns + "kode")!.Value);
        await GetExceptionAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=kecamatan.99.99.99", 404, "NotFound");
        var list = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=ListStoredQueries");
        Assert.Contains(list.Descendants(Wfs + "StoredQuery"), q => (string?)q.Attribute("id") == "urn:ogc:def:query:OGC-WFS::GetFeatureById");
    }

    [Fact]
    public async Task WFS_1_1_0_answers_in_GML_3_1_1_with_its_own_names()
    {
        var doc = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=desagis:kecamatan&MAXFEATURES=3");
        Assert.Equal(Wfs11 + "FeatureCollection", doc.Root!.Name);
        Assert.Equal("3", (string?)doc.Root!.Attribute("numberOfFeatures"));
        Assert.Equal(3, doc.Root!.Elements(Gml31 + "featureMember").Count());
        var caps = await GetXmlAsync(f.Client, "/wfs?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=1.1.0");
        Assert.Equal("1.1.0", (string?)caps.Root!.Attribute("version"));
        Assert.Contains(caps.Descendants(Wfs11 + "DefaultSRS"), s => s.Value == "urn:ogc:def:crs:EPSG::4326");
    }

    [Fact]
    public async Task Errors_are_OWS_exception_reports_with_the_parameter_at_fault()
    {
        var text = await GetExceptionAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:villages&PROPERTYNAME=nama,kode%27%20OR%201=1--", 400, "InvalidParameterValue");
        Assert.Contains("bukan properti", text);
        await GetExceptionAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:no_such", 404, "InvalidParameterValue");
        await GetExceptionAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=Transaction", 400, "OperationNotSupported");
        await GetExceptionAsync(f.Client, "/wfs?SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=3.0.0", 400, "VersionNegotiationFailed");
        var english = await GetExceptionAsync(f.Client, "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:villages&SRSNAME=EPSG:1234", 400, "InvalidParameterValue");
        Assert.Contains("SRSNAME", english);
    }

    [GeneratedRegex(@"^Feature Count: (\d+)", RegexOptions.Multiline)]
    private static partial Regex FeatureCount();
}
