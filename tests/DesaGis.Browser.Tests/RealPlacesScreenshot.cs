using System.Net.Http.Json;
using System.Text.Json;
using DesaGis.Browser.Tests.Infrastructure;
using DesaGis.Data.Geodata;
using DesaGis.Testing;
using Microsoft.Playwright;
using SkiaSharp;

namespace DesaGis.Browser.Tests;

/// <summary>
/// The viewer as 'make run' opens it: the real places of geodata/real (four regencies) and the example programmes of
/// geodata/contoh, loaded through the importer. Takes the README's first picture, docs/screenshots/viewer-real-places.png,
/// into a temporary folder, or DESAGIS_SCREENSHOTS_DIR when it is set:
/// DESAGIS_SCREENSHOTS_DIR=docs/screenshots dotnet test tests/DesaGis.Browser.Tests --filter RealPlacesScreenshot.
/// </summary>
public sealed class RealPlacesScreenshot : IAsyncLifetime
{
    private readonly PostgisDatabase _database = new();
    private KestrelDesaGisServer? _server;
    private string _baseUrl = "";
    private string _folder = "";
    private bool _temporaryFolder;

    public async Task InitializeAsync()
    {
        ViewerBuild.EnsureBuilt();
        await _database.InitializeAsync();
        await BundledGeodataLoader.LoadAsync(_database.DataSource, RepositoryPaths.Combine("geodata", "real"), RepositoryPaths.Combine("geodata", "contoh"));
        _server = new KestrelDesaGisServer(_database);
        _baseUrl = (await _server.StartAsync()).ToString().TrimEnd('/');
        var target = Environment.GetEnvironmentVariable("DESAGIS_SCREENSHOTS_DIR");
        _temporaryFolder = string.IsNullOrWhiteSpace(target);
        _folder = _temporaryFolder
            ? Directory.CreateTempSubdirectory("desagis-screenshots-").FullName
            : Path.IsPathRooted(target) ? target! : RepositoryPaths.Combine(target!);
        Directory.CreateDirectory(_folder);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await _database.DisposeAsync();
        if (_temporaryFolder && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_viewer_opens_on_the_four_real_regencies_and_shows_the_real_IDM_of_Lombok_Timur_village_by_village()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ViewerFixture.ChromiumPath, Headless = true, Args = ViewerFixture.ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, DeviceScaleFactor = 1 });
        await using var viewer = new ViewerPage(await context.NewPageAsync(), _baseUrl);

        // Opened without a view in the link, the viewer fits the data: all four regencies, from Kapuas Hulu to Lombok.
        await viewer.GotoAsync();
        var bounds = await viewer.EvaluateAsync<double[]>("() => window.desagis.map.getBounds().toArray().flat()");
        Assert.True(bounds[0] < 110.5 && bounds[2] > 116.6 && bounds[1] < -8.5 && bounds[3] > 1.0, $"the first view {string.Join(", ", bounds)} shows all four regencies");

        // Lombok Timur, village by village, with its kecamatan borders and the example programme in Sakra.
        using var http = _server!.CreateHttpClient();
        var lombok = await http.GetFromJsonAsync<JsonElement>("collections/kabupaten/items/52.03");
        Assert.Equal("Kabupaten Lombok Timur", lombok.GetProperty("properties").GetProperty("nama").GetString());
        var bbox = (await _database.ScalarAsync<string>(
            "SELECT concat_ws(',', ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)) FROM (SELECT ST_Extent(geom)::geometry AS geom FROM desagis.kabupaten WHERE kode = '52.03') e"))
            .Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await viewer.EvaluateAsync<bool>("b => { window.desagis.map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 30, duration: 0 }); return true; }", bbox);
        await viewer.WaitForMapIdleAsync();
        var villages = await viewer.RenderedFeaturesAsync("villages-poverty");
        var names = villages.Select(v => v.GetProperty("properties").TryGetProperty("nama", out var n) ? n.GetString() : null).ToHashSet();
        Assert.Contains("Suwangi", names); // 52.03.02.2001, in Sakra
        Assert.True(villages.Select(v => v.GetProperty("properties").GetProperty("kode").GetString()).Distinct().Count() > 200,
            "most of Lombok Timur's 254 villages are drawn");

        // The real IDM: 11 villages of Lombok Timur have a score; the others are drawn as "no data", not as a class.
        await viewer.Page.Locator("#indicator-select").SelectOptionAsync("idm_status");
        await viewer.WaitForMapIdleAsync();
        var withIdm = (await viewer.RenderedFeaturesAsync("villages-poverty"))
            .Where(v => v.GetProperty("properties").TryGetProperty("idm_status", out var status) && status.ValueKind == JsonValueKind.String)
            .Select(v => v.GetProperty("properties").GetProperty("kode").GetString()).Distinct().ToList();
        Assert.Equal(11, withIdm.Count);
        Assert.Contains("Tidak ada data", await viewer.Page.Locator("#legend-body").TextContentAsync());

        var path = Path.Combine(_folder, "viewer-real-places.png");
        using (var shot = await viewer.ScreenshotAsync(path))
        {
            Assert.Equal((1366, 768), (shot.Width, shot.Height));
            var colours = new HashSet<SKColor>();
            for (int y = 10; y < 768; y += 32)
                for (int x = 10; x < 1366; x += 42)
                    colours.Add(shot.GetPixel(x, y));
            Assert.True(colours.Count >= 16, $"the screenshot has only {colours.Count} colours");
        }
        Assert.True(new FileInfo(path).Length > 20_000);
        Assert.Empty(viewer.Errors);
    }
}
