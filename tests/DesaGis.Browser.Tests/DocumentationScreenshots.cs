using System.Net.Http.Json;
using System.Text.Json;
using DesaGis.Browser.Tests.Infrastructure;
using DesaGis.Data.Demo;
using DesaGis.Data.Security;
using DesaGis.Testing;
using Microsoft.Playwright;
using SkiaSharp;

namespace DesaGis.Browser.Tests;

/// <summary>
/// Walks the main screens of the viewer on the demo data (geodata/demo) with a planner key entered, checking each
/// screen and taking the screenshots of docs/viewer.md on the way. They go to a temporary folder, or to
/// DESAGIS_SCREENSHOTS_DIR when it is set:
/// DESAGIS_SCREENSHOTS_DIR=docs/screenshots dotnet test tests/DesaGis.Browser.Tests --filter DocumentationScreenshots.
/// </summary>
public sealed class DocumentationScreenshots : IAsyncLifetime
{
    // A real screenshot of the map is tens of kilobytes at least; a blank or broken page compresses to a few.
    private const long MinimumPngBytes = 20_000;

    private readonly PostgisDatabase _database = new();
    private KestrelDesaGisServer? _server;
    private string _baseUrl = "";
    private string _folder = "";
    private bool _temporaryFolder;

    public async Task InitializeAsync()
    {
        ViewerBuild.EnsureBuilt();
        await _database.InitializeAsync();
        _server = new KestrelDesaGisServer(_database);
        _baseUrl = (await _server.StartAsync()).ToString().TrimEnd('/');
        await DemoLoader.LoadAsync(_database.DataSource, RepositoryPaths.Combine("geodata", "demo"));

        var target = Environment.GetEnvironmentVariable("DESAGIS_SCREENSHOTS_DIR");
        _temporaryFolder = string.IsNullOrWhiteSpace(target);
        // A relative folder is taken from the repository root, since dotnet test runs in the test binaries' folder.
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
    public async Task The_main_screens_of_the_viewer_on_the_demo_data()
    {
        using var http = _server!.CreateHttpClient();
        var extent = (await http.GetFromJsonAsync<JsonElement>("collections/village_indicators")).GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0];
        var bbox = extent.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var villages = await http.GetFromJsonAsync<JsonElement>("collections/village_indicators/items?limit=1000&properties=kode,nama,program_count");
        var features = villages.GetProperty("features").EnumerateArray().ToList();
        // The demo data has 320 villages; fewer means the demo load or the collection is broken.
        Assert.Equal(320, features.Count);
        var busiest = features.OrderByDescending(f => f.GetProperty("properties").GetProperty("program_count").GetInt32()).First().GetProperty("properties");
        var (_, plannerKey) = await new ApiKeyStore(_database.DataSource).CreateAsync($"screenshots-planner-{Guid.NewGuid():N}", "planner");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ViewerFixture.ChromiumPath, Headless = true, Args = ViewerFixture.ChromiumArgs,
        });

        // 1. The layers: villages by poverty rate, borders, programmes, transmigration areas, legend.
        await using var viewer = await OpenAsync(browser, 1366, 768);
        await FitAsync(viewer, bbox);
        Assert.NotEmpty(await viewer.RenderedFeaturesAsync("villages-poverty"));
        await ShootAsync(viewer, "viewer-layers.png", 1366, 768);

        // 2. English, villages by IDM status.
        await viewer.Page.Locator("#lang-en").ClickAsync();
        await viewer.Page.Locator("#indicator-select").SelectOptionAsync("idm_status");
        await viewer.WaitForMapIdleAsync();
        Assert.Contains("IDM status", await viewer.Page.Locator("#legend-body").TextContentAsync());
        await ShootAsync(viewer, "viewer-idm-status-english.png", 1366, 768);
        await viewer.Page.Locator("#lang-id").ClickAsync();
        await viewer.Page.Locator("#indicator-select").SelectOptionAsync("poverty_rate");

        // 3. Search and the village popup.
        await viewer.Page.Locator("#search-input").FillAsync(busiest.GetProperty("kode").GetString()!);
        await viewer.Page.Locator("#search-results [role=option]").First.WaitForAsync();
        await viewer.Page.Locator("#search-input").PressAsync("Enter");
        await viewer.Page.Locator(".popup-body .program-list li").First.WaitForAsync();
        await viewer.WaitForMapIdleAsync();
        Assert.Equal(busiest.GetProperty("nama").GetString(), await viewer.Page.Locator(".popup-body h2").TextContentAsync());
        await ShootAsync(viewer, "viewer-search-popup.png", 1366, 768);
        await viewer.Page.Locator(".maplibregl-popup-close-button").ClickAsync();

        // 4. A replication-reach plan with the planner key: pilots, reach circles, explanation bars and stability.
        await FitAsync(viewer, bbox);
        await viewer.Page.Locator("#tab-plan").ClickAsync();
        await viewer.Page.Locator("#plan-api-key").FillAsync(plannerKey);
        await viewer.Page.Locator("#plan-api-key").PressAsync("Tab");
        await viewer.Page.Locator("#plan-method-reach").CheckAsync();
        await viewer.Page.Locator("#plan-k").FillAsync("8");
        await viewer.Page.Locator("#plan-radius").FillAsync("8");
        await viewer.Page.Locator("#plan-run").ClickAsync();
        await viewer.Page.Locator(".pilot-list .pilot").Nth(7).WaitForAsync();
        await viewer.WaitForMapIdleAsync();
        Assert.Equal(8, await viewer.Page.Locator(".pilot-list .pilot").CountAsync());
        Assert.Equal(8, (await viewer.RenderedFeaturesAsync("plan-pilots")).Length);
        await viewer.EvaluateAsync<bool>("() => { document.querySelector('.plan-result').scrollIntoView({ block: 'start' }); return true; }");
        await ShootAsync(viewer, "viewer-plan-reach.png", 1366, 768);

        // 5. Two saved scenarios compared on the map.
        await viewer.Page.Locator("#scenario-name").FillAsync("Jangkauan 8 km, 8 pilot");
        await viewer.Page.Locator("#scenario-save").ClickAsync();
        await viewer.Page.WaitForFunctionAsync("() => /[#&]s=\\d+/.test(location.hash)");
        var first = await viewer.EvaluateAsync<string>("() => window.desagis.state.scenario");
        await viewer.Page.Locator("#plan-method-ranking").CheckAsync();
        await viewer.Page.Locator("#plan-run").ClickAsync();
        await viewer.Page.WaitForFunctionAsync("() => document.querySelector('#scenario-name') && !document.querySelector('#plan-run').disabled");
        await viewer.Page.Locator("#scenario-name").FillAsync("Peringkat skor, 8 pilot");
        await viewer.Page.Locator("#scenario-save").ClickAsync();
        await viewer.Page.WaitForFunctionAsync("first => window.desagis.state.scenario && window.desagis.state.scenario !== first", first);
        var second = await viewer.EvaluateAsync<string>("() => window.desagis.state.scenario");
        await viewer.Page.Locator("#scenario-a").SelectOptionAsync(first);
        await viewer.Page.Locator("#scenario-b").SelectOptionAsync(second);
        await viewer.Page.Locator("#scenario-compare").ClickAsync();
        await viewer.Page.Locator(".comparison").WaitForAsync();
        await viewer.WaitForMapIdleAsync();
        Assert.NotEmpty(await viewer.RenderedFeaturesAsync("compare-a"));
        await viewer.EvaluateAsync<bool>("() => { document.querySelector('.comparison').scrollIntoView({ block: 'start' }); return true; }");
        await ShootAsync(viewer, "viewer-compare.png", 1366, 768);

        // 6. A tablet held upright, with the panel open.
        await using var tablet = await OpenAsync(browser, 768, 1024);
        await FitAsync(tablet, bbox);
        await tablet.Page.Locator("#sidebar-toggle").ClickAsync();
        await tablet.WaitForMapIdleAsync();
        Assert.True(await tablet.Page.Locator("#layer-villages").IsVisibleAsync());
        await ShootAsync(tablet, "viewer-tablet.png", 768, 1024);

        Assert.Empty(viewer.Errors);
        Assert.Empty(tablet.Errors);
    }

    private async Task<ViewerPage> OpenAsync(IBrowser browser, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
        });
        var viewer = new ViewerPage(await context.NewPageAsync(), _baseUrl);
        await viewer.GotoAsync();
        return viewer;
    }

    private static async Task FitAsync(ViewerPage viewer, double[] bbox)
    {
        await viewer.EvaluateAsync<bool>("b => { window.desagis.map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 20, duration: 0 }); return true; }", bbox);
        await viewer.WaitForMapIdleAsync();
    }

    /// <summary>
    /// Saves a screenshot and checks the file is a real picture of the page: a PNG of the viewport's size, large
    /// enough, and with the colours of a drawn map and panel rather than one flat background.
    /// </summary>
    private async Task ShootAsync(ViewerPage viewer, string name, int width, int height)
    {
        var path = Path.Combine(_folder, name);
        (await viewer.ScreenshotAsync(path)).Dispose();
        var file = new FileInfo(path);
        Assert.True(file.Exists, $"{name} was not written");
        Assert.True(file.Length > MinimumPngBytes, $"{name} is only {file.Length} bytes");

        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<SKColor>();
        var background = bitmap.GetPixel(0, height - 1);
        int differing = 0, samples = 0;
        for (int y = 10; y < height; y += height / 24)
            for (int x = 10; x < width; x += width / 32)
            {
                var pixel = bitmap.GetPixel(x, y);
                colours.Add(pixel);
                samples++;
                if (pixel != background) differing++;
            }
        Assert.True(colours.Count >= 16, $"{name} has only {colours.Count} colours among {samples} sampled pixels");
        Assert.True(differing > samples / 4, $"{name} is mostly one colour: only {differing} of {samples} sampled pixels differ from its corner");
    }
}
