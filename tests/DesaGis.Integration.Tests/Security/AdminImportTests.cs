using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DesaGis.Data.Security;
using DesaGis.Integration.Tests.Hostile;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Security;

public class AdminImportTests : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    private readonly PostgisDatabase _db;
    private string _admin = "";
    private string _planner = "";

    public AdminImportTests(PostgisDatabase db) => _db = db;

    public async Task InitializeAsync()
    {
        var store = new ApiKeyStore(_db.DataSource);
        _admin = (await store.CreateAsync("admin-" + Guid.NewGuid().ToString("N")[..8], Roles.Admin)).Secret;
        _planner = (await store.CreateAsync("planner-" + Guid.NewGuid().ToString("N")[..8], Roles.Planner)).Secret;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private const string TwoVillages = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"kode":"63.04.01.2001","nama":"Kuala Lupak"},
           "geometry":{"type":"Polygon","coordinates":[[[114.40,-3.45],[114.45,-3.45],[114.45,-3.40],[114.40,-3.40],[114.40,-3.45]]]}},
          {"type":"Feature","properties":{"kode":"63.04.01.2002","nama":"Desa O'Hara"},
           "geometry":{"type":"Polygon","coordinates":[[[114.45,-3.45],[114.50,-3.45],[114.50,-3.40],[114.45,-3.40],[114.45,-3.45]]]}}]}
        """;

    [Fact]
    public async Task An_administrator_imports_an_upload_and_the_write_is_audited()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        using var response = await Upload(client, _admin, "target=desa", "desa.geojson", Encoding.UTF8.GetBytes(TwoVillages));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(2, report.GetProperty("inserted").GetInt32() + report.GetProperty("updated").GetInt32() + report.GetProperty("unchanged").GetInt32());
        Assert.Equal("Desa O'Hara", await _db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = '63.04.01.2002'"));
        Assert.True(await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.audit_log WHERE action = 'import' AND details->>'file' = 'desa.geojson'") >= 1);
    }

    [Fact]
    public async Task Only_administrators_may_import()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        using (var anonymous = await Upload(client, null, "target=desa", "desa.geojson", Encoding.UTF8.GetBytes(TwoVillages)))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var planner = await Upload(client, _planner, "target=desa", "desa.geojson", Encoding.UTF8.GetBytes(TwoVillages)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
            Assert.Equal("application/problem+json", planner.Content.Headers.ContentType?.MediaType);
        }
    }

    public static TheoryData<string, byte[], int> BadUploads() => new()
    {
        { "garbage.geojson", [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00], 415 },
        { "desa.gpkg", Encoding.UTF8.GetBytes(TwoVillages), 415 },
        { "broken.geojson", Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"), 422 },
        { "bomb.zip", ZipBomb(), 422 },
        { "traversal.zip", Traversal(), 422 },
        { "not-a-shapefile.zip", Zip(("readme.txt", Encoding.UTF8.GetBytes("hello"))), 422 },
        { "bad-codes.geojson", Encoding.UTF8.GetBytes(TwoVillages.Replace("63.04.01.2001", "'; DROP TABLE desagis.desa; --").Replace("63.04.01.2002", "6304")), 200 },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Broken_and_malicious_files_are_refused_and_change_nothing(string name, byte[] content, int expected)
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        var before = await DatabaseSnapshot.TakeAsync(_db);
        using var response = await Upload(client, _admin, "target=desa", name, content);
        Assert.Equal(expected, (int)response.StatusCode);
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            // The server's own paths never reach the client.
            Assert.DoesNotContain("desagis-upload-", await response.Content.ReadAsStringAsync());
            Assert.Empty((await DatabaseSnapshot.TakeAsync(_db)).DifferencesFrom(before));
        }
        else
        {
            // No row is usable (a hostile code is rejected with its reason, a kabupaten code skipped): the villages
            // table is as it was.
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(report.GetProperty("rejected").GetInt32() >= 1);
            Assert.Equal(2, report.GetProperty("rejected").GetInt32() + report.GetProperty("skipped").GetInt32());
            Assert.Contains(report.GetProperty("rejections").EnumerateArray(), r => r.GetProperty("reason").GetString()!.Length > 0);
            Assert.Equal(before.Tables["desa"], (await DatabaseSnapshot.TakeAsync(_db)).Tables["desa"]);
        }
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string? key, string query, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/import?" + query) { Content = form };
        if (key is not null) request.Headers.Add("X-API-Key", key);
        return await client.SendAsync(request);
    }

    private static byte[] ZipBomb()
    {
        // 200 MB of zeros compresses to about 200 KB: far beyond any real map data's ratio.
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("desa.shp", CompressionLevel.SmallestSize);
            using var s = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) s.Write(zeros);
        }
        return ms.ToArray();
    }

    private static byte[] Traversal() => Zip(("../../../../tmp/desagis-evil.shp", [1, 2, 3]), ("desa.dbf", [1]));

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        return ms.ToArray();
    }
}
