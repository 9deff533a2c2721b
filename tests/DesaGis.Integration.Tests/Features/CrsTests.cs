using System.Net;
using System.Text.Json;

namespace DesaGis.Integration.Tests.Features;

/// <summary>OGC API Features Part 2: crs, bbox-crs and Content-Crs, checked against PostGIS's own transforms.</summary>
public class CrsTests(FeaturesFixture f) : IClassFixture<FeaturesFixture>
{
    private const string Village = "63.04.01.2020";

    private async Task<(double X, double Y, string? ContentCrs)> FirstCoordinateAsync(string query)
    {
        using var response = await f.Client.GetAsync($"/collections/villages/items/{Village}?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contentCrs = response.Headers.TryGetValues("Content-Crs", out var v) ? v.Single() : null;
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var c = doc.RootElement.GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        return (c[0].GetDouble(), c[1].GetDouble(), contentCrs);
    }

    private Task<double> DbAsync(string expression) =>
        f.Database.ScalarAsync<double>($"SELECT {expression} FROM (SELECT ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1) AS p FROM desagis.desa WHERE kode = $1) x", Village);

    [Fact]
    public async Task CRS84_is_the_default_with_longitude_first()
    {
        var (x, y, crs) = await FirstCoordinateAsync("");
        Assert.Equal("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", crs);
        Assert.Equal(await DbAsync("ST_X(p)"), x, 7);
        Assert.Equal(await DbAsync("ST_Y(p)"), y, 7);
        Assert.True(x > 100);
    }

    [Fact]
    public async Task EPSG_4326_answers_latitude_first_as_the_standard_requires()
    {
        var (x, y, crs) = await FirstCoordinateAsync("crs=http://www.opengis.net/def/crs/EPSG/0/4326");
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4326>", crs);
        Assert.Equal(await DbAsync("ST_Y(p)"), x, 7);
        Assert.Equal(await DbAsync("ST_X(p)"), y, 7);
    }

    [Theory]
    [InlineData(3857)]
    [InlineData(32750)]
    [InlineData(32649)]
    public async Task Projected_CRSs_match_PostGIS_transforms(int epsg)
    {
        using var response = await f.Client.GetAsync($"/collections/villages/items?crs=EPSG:{epsg}&filter=kode%3D'{Village}'");
        Assert.Equal($"<http://www.opengis.net/def/crs/EPSG/0/{epsg}>", response.Headers.GetValues("Content-Crs").Single());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var c = doc.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        Assert.Equal(await DbAsync($"ST_X(ST_Transform(p, {epsg}))"), c[0].GetDouble(), tolerance: 0.01);
        Assert.Equal(await DbAsync($"ST_Y(ST_Transform(p, {epsg}))"), c[1].GetDouble(), tolerance: 0.01);
    }

    [Fact]
    public async Task DGN95_answers_latitude_first()
    {
        var (x, y, crs) = await FirstCoordinateAsync("crs=EPSG:4755");
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4755>", crs);
        Assert.Equal(await DbAsync("ST_Y(ST_Transform(p, 4755))"), x, 6);
        Assert.Equal(await DbAsync("ST_X(ST_Transform(p, 4755))"), y, 6);
    }

    [Fact]
    public async Task A_bbox_in_Web_Mercator_UTM_or_latitude_first_EPSG_4326_selects_the_same_villages_as_in_CRS84()
    {
        const string crs84 = "114.405,-3.295,114.425,-3.275";
        var expected = await Ids($"bbox={crs84}");
        Assert.NotEmpty(expected);
        var box3857 = await Box("ST_Transform(ST_MakeEnvelope(114.405,-3.295,114.425,-3.275,4326), 3857)");
        Assert.Equal(expected, await Ids($"bbox={box3857}&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3857"));
        Assert.Equal(expected, await Ids("bbox=-3.295,114.405,-3.275,114.425&bbox-crs=EPSG:4326"));
        // A UTM box is a slightly rotated quadrilateral in lon/lat: compare with PostGIS doing the same.
        var utm = await Box("ST_Transform(ST_MakeEnvelope(114.405,-3.295,114.425,-3.275,4326), 32750)");
        var utmExpected = await f.CountAsync($"SELECT count(*) FROM desagis.desa WHERE ST_Intersects(geom, ST_Transform(ST_MakeEnvelope({utm}, 32750), 4326))");
        Assert.Equal(utmExpected, (await Ids($"bbox={utm}&bbox-crs=EPSG:32750")).Count);
    }

    [Theory]
    [InlineData("crs=EPSG:2000")]
    [InlineData("crs=http://www.opengis.net/def/crs/EPSG/0/999999")]
    [InlineData("bbox-crs=urn:ogc:def:crs:EPSG::9999&bbox=1,1,2,2")]
    [InlineData("filter-crs=EPSG:1234&filter=S_INTERSECTS(geometry,POINT(1 1))")]
    public async Task An_unsupported_CRS_is_a_400_that_lists_the_supported_ones(string query)
    {
        using var response = await f.Client.GetAsync("/collections/villages/items?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:desagis:problem:invalid-crs", doc.RootElement.GetProperty("type").GetString());
        Assert.Contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84", doc.RootElement.GetProperty("detail").GetString());
    }

    private async Task<List<string>> Ids(string query)
    {
        var page = await f.GetJsonAsync("/collections/villages/items?limit=1000&properties=kode&" + query);
        return page.GetProperty("features").EnumerateArray().Select(x => x.GetProperty("id").GetString()!).Order().ToList();
    }

    private async Task<string> Box(string envelopeSql)
    {
        await using var cmd = f.Database.DataSource.CreateCommand(
            $"SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) FROM (SELECT ({envelopeSql}) AS e) x");
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
