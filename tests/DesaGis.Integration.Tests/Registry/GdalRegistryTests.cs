using System.Text.Json;
using DesaGis.Data.Security;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Registry;

/// <summary>
/// A deployment that publishes partners' writes at once, on a real port: a partner's file converted by GDAL
/// (ogr2ogr) is sent with curl as the standard Part 4 requests, and GDAL's OAPIF driver reads the result back. GDAL
/// 3.6's OAPIF driver reads only, so the writes are curl's.
/// </summary>
public class GdalRegistryTests(GdalRegistryTests.PublishingServer fixture) : IClassFixture<GdalRegistryTests.PublishingServer>
{
    public sealed class PublishingServer : RegistryFixture
    {
        public KestrelDesaGisServer Kestrel => (KestrelDesaGisServer)Server;

        protected override DesaGisServer CreateServer(PostgisDatabase database) => new PublishingKestrel(database);

        protected override Task StartAsync(DesaGisServer server) => ((KestrelDesaGisServer)server).StartAsync();

        private sealed class PublishingKestrel(PostgisDatabase database) : KestrelDesaGisServer(database)
        {
            protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DesaGis:Registry:PublishOnWrite"] = "true" };
        }
    }

    private static Task<string> RunAsync(string program, params string[] args) => Tiles.TileDecoding.RunAsync(program, args);

    /// <summary>curl with the partner's key; returns the status line, headers and body.</summary>
    private static Task<string> CurlAsync(string key, params string[] args) =>
        RunAsync("curl", [.. new[] { "-sS", "-i", "-H", "X-API-Key: " + key }, .. args]);

    private static string Header(string response, string name) =>
        response.Split("\r\n").First(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();

    private static string Status(string response) => response.Split("\r\n")[0].Split(' ')[1];

    [Fact]
    public async Task A_partner_file_converted_by_ogr2ogr_goes_in_through_curl_and_GDAL_reads_it_back_through_OAPIF()
    {
        var (_, key) = await new ApiKeyStore(fixture.Database.DataSource).CreateAsync("gdal-partner", Roles.Partner, RegistryFixture.PartnerA);
        using var dir = new Demo.TempDirectory();
        var kode = "GDAL-" + Guid.NewGuid().ToString("N")[..8];

        // The partner's own file: a CSV with a WKT polygon around Peresak (52.03.02.2011), as a spreadsheet exports it.
        var wkt = await fixture.Database.ScalarAsync<string>(
            "SELECT ST_AsText(ST_Buffer(centroid, 0.004, 8)) FROM desagis.desa WHERE kode = '52.03.02.2011'");
        var csv = Path.Combine(dir.Path, "program_mitra.csv");
        await File.WriteAllTextAsync(csv, $"kode,nama,sector,status,start_date,WKT\n{kode},Posyandu Peresak,kesehatan,active,2026-02-01,\"{wkt}\"\n");
        var geojson = Path.Combine(dir.Path, "program_mitra.geojson");
        await RunAsync("ogr2ogr", "-f", "GeoJSON", "-a_srs", "EPSG:4326", "-lco", "RFC7946=YES", geojson, csv,
            "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO");
        var feature = Path.Combine(dir.Path, "feature.json");
        using (var doc = JsonDocument.Parse(await File.ReadAllTextAsync(geojson)))
            await File.WriteAllTextAsync(feature, doc.RootElement.GetProperty("features")[0].GetRawText());

        var items = fixture.Kestrel.Url("/collections/programs/items");
        var created = await CurlAsync(key, "-X", "POST", "-H", "Content-Type: application/geo+json", "--data-binary", "@" + feature, items);
        Assert.Equal("201", Status(created));
        Assert.EndsWith("/collections/programs/items/" + kode, Header(created, "Location"));
        var etag = Header(created, "ETag");
        Assert.Equal("\"r1\"", etag);

        var oapif = "OAPIF:" + fixture.Kestrel.Url("/collections/programs");
        var read = await RunAsync("ogrinfo", "-ro", "-al", "-q", oapif, "-where", $"kode = '{kode}'");
        Assert.Contains("nama (String) = Posyandu Peresak", read);
        Assert.Contains("sector (String) = kesehatan", read);
        Assert.Contains("village_count (Integer) = 1", read);
        Assert.Contains("MULTIPOLYGON", read);

        // PATCH with the ETag; the same tag again is stale.
        var patched = await CurlAsync(key, "-X", "PATCH", "-H", "Content-Type: application/merge-patch+json", "-H", "If-Match: " + etag,
            "--data-binary", """{"properties": {"nama": "Posyandu dan Gizi Peresak", "sector": "gizi"}}""", items + "/" + kode);
        Assert.Equal("200", Status(patched));
        var stale = await CurlAsync(key, "-X", "PATCH", "-H", "Content-Type: application/merge-patch+json", "-H", "If-Match: " + etag,
            "--data-binary", """{"properties": {"status": "suspended"}}""", items + "/" + kode);
        Assert.Equal("412", Status(stale));
        read = await RunAsync("ogrinfo", "-ro", "-al", "-q", oapif, "-where", $"kode = '{kode}'");
        Assert.Contains("nama (String) = Posyandu dan Gizi Peresak", read);
        Assert.Contains("sector (String) = gizi", read);

        // GDAL copies the collection out again, with the new programme in it.
        var copy = Path.Combine(dir.Path, "programs.gpkg");
        await RunAsync("ogr2ogr", "-f", "GPKG", copy, oapif);
        var copied = await RunAsync("ogrinfo", "-ro", "-al", "-q", copy, "-where", $"kode = '{kode}'");
        Assert.Contains("Posyandu dan Gizi Peresak", copied);

        // DELETE ends it: GDAL no longer finds it, its history stays.
        var deleted = await CurlAsync(key, "-X", "DELETE", "-H", "If-Match: \"r2\"", items + "/" + kode);
        Assert.Equal("200", Status(deleted));
        read = await RunAsync("ogrinfo", "-ro", "-al", "-q", oapif, "-where", $"kode = '{kode}'");
        Assert.DoesNotContain("Posyandu", read);
        var history = await RunAsync("curl", "-sS", items + "/" + kode + "/history");
        using var h = JsonDocument.Parse(history);
        Assert.Equal(3, h.RootElement.GetProperty("features").GetArrayLength());
    }
}
