using System.Net;
using System.Text.Json;

namespace DesaGis.Integration.Tests.Features;

/// <summary>OGC API Features Part 3: CQL2 text and JSON filters against PostGIS, including hostile input.</summary>
public class FilterTests(FeaturesFixture f) : IClassFixture<FeaturesFixture>
{
    private async Task<long> MatchedAsync(string filter, string lang = "cql2-text", string collection = "village_indicators", string extra = "")
    {
        var page = await f.GetJsonAsync($"/collections/{collection}/items?limit=1&filter-lang={lang}&filter={Uri.EscapeDataString(filter)}{extra}");
        return page.GetProperty("numberMatched").GetInt64();
    }

    private Task<long> DbAsync(string where) => f.CountAsync("SELECT count(*) FROM desagis.village_indicators WHERE " + where);

    [Theory]
    [InlineData("poverty_rate > 20", "poverty_rate > 20")]
    [InlineData("poverty_rate >= 20 AND kabupaten_kode = '63.04'", "poverty_rate >= 20 AND kabupaten_kode = '63.04'")]
    [InlineData("idm_status = 'MAJU' OR idm_status = 'MANDIRI'", "idm_status IN ('MAJU','MANDIRI')")]
    [InlineData("NOT (idm_status = 'MAJU')", "NOT (idm_status = 'MAJU')")]
    [InlineData("idm_status IN ('TERTINGGAL', 'SANGAT_TERTINGGAL')", "idm_status IN ('TERTINGGAL', 'SANGAT_TERTINGGAL')")]
    [InlineData("idm_status NOT IN ('MAJU')", "idm_status NOT IN ('MAJU')")]
    [InlineData("poverty_rate BETWEEN 10 AND 12.5", "poverty_rate BETWEEN 10 AND 12.5")]
    [InlineData("poverty_rate IS NULL", "poverty_rate IS NULL")]
    [InlineData("poverty_rate IS NOT NULL AND program_count > 0", "poverty_rate IS NOT NULL AND program_count > 0")]
    [InlineData("nama LIKE 'Desa Kecamatan 61.06-7%'", "nama LIKE 'Desa Kecamatan 61.06-7%'")]
    [InlineData("nama NOT LIKE '%1_'", "nama NOT LIKE '%1_'")]
    [InlineData("in_transmigration_area = TRUE", "in_transmigration_area")]
    [InlineData("population < extreme_poor * 1", null)]
    [InlineData("\"poverty_rate\" <> 10.5", "poverty_rate <> 10.5")]
    [InlineData("population > extreme_poor", "population > extreme_poor")]
    public async Task CQL2_text_filters_select_what_the_same_SQL_selects(string filter, string? sql)
    {
        if (sql is null)
        {
            // Arithmetic is outside what is declared: it must be refused, naming the problem.
            using var response = await f.Client.GetAsync("/collections/village_indicators/items?filter=" + Uri.EscapeDataString(filter));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Arithmetic", await response.Content.ReadAsStringAsync());
            return;
        }
        var expected = await DbAsync(sql);
        Assert.True(expected > 0, "the fixture should make this filter select something: " + sql);
        Assert.Equal(expected, await MatchedAsync(filter));
    }

    [Fact]
    public async Task CQL2_JSON_gives_the_same_answers_as_CQL2_text()
    {
        Assert.Equal(await MatchedAsync("poverty_rate > 20 AND idm_status IN ('MAJU','BERKEMBANG')"),
            await MatchedAsync("""{"op":"and","args":[{"op":">","args":[{"property":"poverty_rate"},20]},{"op":"in","args":[{"property":"idm_status"},["MAJU","BERKEMBANG"]]}]}""", "cql2-json"));
        Assert.Equal(await MatchedAsync("poverty_rate BETWEEN 5 AND 9 OR nama LIKE 'Tanjung%'"),
            await MatchedAsync("""{"op":"or","args":[{"op":"between","args":[{"property":"poverty_rate"},5,9]},{"op":"like","args":[{"property":"nama"},"Tanjung%"]}]}""", "cql2-json"));
        Assert.Equal(await MatchedAsync("NOT (poverty_rate IS NULL)"),
            await MatchedAsync("""{"op":"not","args":[{"op":"isNull","args":[{"property":"poverty_rate"}]}]}""", "cql2-json"));
    }

    [Fact]
    public async Task S_INTERSECTS_with_WKT_GeoJSON_and_BBOX_literals_matches_PostGIS()
    {
        const string wkt = "POLYGON((114.405 -3.295, 114.425 -3.295, 114.425 -3.275, 114.405 -3.275, 114.405 -3.295))";
        var expected = await DbAsync($"ST_Intersects(geom, ST_GeomFromText('{wkt}', 4326))");
        Assert.True(expected > 0);
        Assert.Equal(expected, await MatchedAsync($"S_INTERSECTS(geometry, {wkt})"));
        Assert.Equal(expected, await MatchedAsync("S_INTERSECTS(geometry, BBOX(114.405, -3.295, 114.425, -3.275))"));
        Assert.Equal(expected, await MatchedAsync("""
            {"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[114.405,-3.295],[114.425,-3.295],[114.425,-3.275],[114.405,-3.275],[114.405,-3.295]]]}]}
            """, "cql2-json"));
        Assert.Equal(expected, await MatchedAsync("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[114.405,-3.295,114.425,-3.275]}]}""", "cql2-json"));
        // The same area given latitude first in EPSG:4326, and as a point in UTM 50S.
        Assert.Equal(expected, await MatchedAsync(
            "S_INTERSECTS(geometry, POLYGON((-3.295 114.405, -3.295 114.425, -3.275 114.425, -3.275 114.405, -3.295 114.405)))",
            extra: "&filter-crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/4326")));
        var utm = await f.Database.ScalarAsync<string>("SELECT concat_ws(' ', ST_X(p), ST_Y(p)) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(114.4155, -3.2855), 4326), 32750) AS p) x");
        Assert.Equal(1, await MatchedAsync($"S_INTERSECTS(geometry, POINT({utm}))", extra: "&filter-crs=EPSG:32750"));
        Assert.Equal(await DbAsync("NOT ST_Intersects(geom, ST_MakeEnvelope(114.405, -3.295, 114.425, -3.275, 4326))"),
            await MatchedAsync("S_DISJOINT(geometry, BBOX(114.405, -3.295, 114.425, -3.275))"));
    }

    [Fact]
    public async Task Hostile_names_are_matched_as_plain_values()
    {
        Assert.Equal(1, await MatchedAsync("nama = 'Desa O''Brien'"));
        Assert.Equal(1, await MatchedAsync("nama = 'Robert''); DROP TABLE desagis.desa;--'"));
        Assert.Equal(1, await MatchedAsync("nama LIKE 'Ñusa  Öst%'"));
        Assert.Equal(1, await MatchedAsync("nama LIKE '%\\%%'"));
        Assert.Equal(1, await MatchedAsync("""{"op":"=","args":[{"property":"nama"},"Sungai \"Kapuas\" Hulu"]}""", "cql2-json"));
        // The classic quote trick stays inside the string literal.
        Assert.Equal(0, await MatchedAsync("nama = 'x'' OR ''1''=''1'"));
        Assert.Equal(FeaturesFixture.Villages, await f.CountAsync("SELECT count(*) FROM desagis.desa"));
    }

    [Theory]
    [InlineData("nama = 'x'; DROP TABLE desagis.desa; --")]
    [InlineData("nama = 'x' UNION SELECT usename FROM pg_user")]
    [InlineData("\"nama\"\" = 'x' OR \"\"1\" = 'x'")]
    [InlineData("pg_sleep(10) = 1")]
    [InlineData("(SELECT 1) = 1")]
    [InlineData("kode = 'x' --")]
    [InlineData("nama = 'x' /* comment */")]
    public async Task Injection_attempts_are_refused_as_invalid_filters(string filter)
    {
        using var response = await f.Client.GetAsync("/collections/villages/items?filter=" + Uri.EscapeDataString(filter));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:desagis:problem:invalid-filter", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal(FeaturesFixture.Villages, await f.CountAsync("SELECT count(*) FROM desagis.desa"));
    }

    [Theory]
    [InlineData("secret = 1", "cql2-text", "secret")]
    [InlineData("T_BEFORE(indicator_year, DATE('2020-01-01'))", "cql2-text", "T_BEFORE")]
    [InlineData("CASEI(nama) = 'x'", "cql2-text", "CASEI")]
    [InlineData("nama = 'x' AND", "cql2-text", "ends")]
    [InlineData("nama = 5", "cql2-text", "text")]
    [InlineData("nama == 'x'", "cql2-text", "position")]
    [InlineData("""{"op":"a_contains","args":[{"property":"nama"},["x"]]}""", "cql2-json", "a_contains")]
    [InlineData("""{"op":"=","args":[{"property":"password"},"x"]}""", "cql2-json", "password")]
    [InlineData("{not json", "cql2-json", "JSON")]
    public async Task Unsupported_or_wrong_filters_are_400_problems_that_name_the_culprit(string filter, string lang, string named)
    {
        using var response = await f.Client.GetAsync($"/collections/villages/items?filter-lang={lang}&filter={Uri.EscapeDataString(filter)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:desagis:problem:invalid-filter", doc.RootElement.GetProperty("type").GetString());
        Assert.Contains(named, doc.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_filter_language_is_a_400()
    {
        using var response = await f.Client.GetAsync("/collections/villages/items?filter-lang=ecql&filter=nama%3D'x'");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cql2-text", await response.Content.ReadAsStringAsync());
    }
}
