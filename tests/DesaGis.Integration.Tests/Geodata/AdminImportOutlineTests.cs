using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DesaGis.Data.Security;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Geodata;

/// <summary>The admin upload reports outlines that disagree with their villages, and builds them when asked.</summary>
public class AdminImportOutlineTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    // Two villages side by side; their kecamatan, as imported, covers only the first.
    private const string TwoVillages = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"kode":"63.04.01.2001","nama":"Kuala Lupak"},
           "geometry":{"type":"Polygon","coordinates":[[[114.40,-3.45],[114.45,-3.45],[114.45,-3.40],[114.40,-3.40],[114.40,-3.45]]]}},
          {"type":"Feature","properties":{"kode":"63.04.01.2002","nama":"Sungai Telan Besar"},
           "geometry":{"type":"Polygon","coordinates":[[[114.45,-3.45],[114.50,-3.45],[114.50,-3.40],[114.45,-3.40],[114.45,-3.45]]]}}]}
        """;

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(HttpClient client, string key, string query)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(TwoVillages)), "file", "desa.geojson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/import?" + query) { Content = form };
        request.Headers.Add("X-API-Key", key);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task An_upload_names_the_kecamatan_its_villages_spill_out_of_and_builds_its_outline_when_asked()
    {
        await db.ExecuteAsync("INSERT INTO desagis.kecamatan (kode, nama, geom) VALUES ('63.04.01', 'Tabunganen', ST_Multi(ST_MakeEnvelope(114.40, -3.45, 114.45, -3.40, 4326)))");
        var admin = (await new ApiKeyStore(db.DataSource).CreateAsync("admin-outlines", Roles.Admin)).Secret;
        await using var server = new DesaGisServer(db);
        using var client = await server.CreateReadyClientAsync();

        var (status, checkedOnly) = await UploadAsync(client, admin, "target=desa");
        Assert.Equal(HttpStatusCode.OK, status);
        var mismatch = Assert.Single(checkedOnly.GetProperty("outlines").GetProperty("mismatches").EnumerateArray());
        Assert.Equal("Tabunganen", mismatch.GetProperty("nama").GetString());
        Assert.Equal(0.5, mismatch.GetProperty("shareOutside").GetDouble(), 2);
        Assert.Contains("50 % of their area lies outside it", mismatch.GetProperty("message").GetString());
        Assert.Equal(0.0025, await db.ScalarAsync<double>("SELECT ST_Area(geom) FROM desagis.kecamatan WHERE kode = '63.04.01'"), 6);

        var (_, built) = await UploadAsync(client, admin, "target=desa&outlines=build");
        Assert.Equal(1, built.GetProperty("outlines").GetProperty("built").GetInt32());
        Assert.Equal(0.005, await db.ScalarAsync<double>("SELECT ST_Area(geom) FROM desagis.kecamatan WHERE kode = '63.04.01'"), 6);

        var (badStatus, problem) = await UploadAsync(client, admin, "target=desa&outlines=sometimes");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("check, build or none", problem.GetProperty("detail").GetString());
    }
}
