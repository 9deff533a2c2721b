using System.Net.Http.Json;
using System.Text.Json;
using DesaGis.Browser.Tests.Infrastructure;
using DesaGis.Testing;
using Microsoft.Playwright;

namespace DesaGis.Browser.Tests;

/// <summary>
/// Takes the screenshots in docs/screenshots from a running server with the demo data (`make run`), checking each
/// screen on the way. Run it with DESAGIS_SCREENSHOTS_URL=http://127.0.0.1:8080 dotnet test --filter DocumentationScreenshots.
/// </summary>
public class DocumentationScreenshots
{
    private static readonly string? ServerUrl = Environment.GetEnvironmentVariable("DESAGIS_SCREENSHOTS_URL")?.TrimEnd('/');
    private static string Folder => RepositoryPaths.Combine("docs", "screenshots");

    [ScreenshotFact]
    public async Task The_main_screens_of_the_viewer_on_the_demo_data()
    {
        Directory.CreateDirectory(Folder);
        using var http = new HttpClient { BaseAddress = new Uri(ServerUrl + "/") };
        var extent = (await http.GetFromJsonAsync<JsonElement>("collections/village_indicators")).GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0];
        var bbox = extent.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var villages = await http.GetFromJsonAsync<JsonElement>("collections/village_indicators/items?limit=1000&properties=kode,nama,program_count");
        var busiest = villages.GetProperty("features").EnumerateArray()
            .OrderByDescending(f => f.GetProperty("properties").GetProperty("program_count").GetInt32()).First().GetProperty("properties");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ViewerFixture.ChromiumPath, Headless = true, Args = ViewerFixture.ChromiumArgs,
        });

        // 1. The layers: villages by poverty rate, borders, programmes, transmigration areas, legend.
        await using var viewer = await OpenAsync(browser, 1366, 768);
        await FitAsync(viewer, bbox);
        Assert.NotEmpty(await viewer.RenderedFeaturesAsync("villages-poverty"));
        await viewer.ScreenshotAsync(Path.Combine(Folder, "viewer-layers.png"));

        // 2. English, villages by IDM status.
        await viewer.Page.Locator("#lang-en").ClickAsync();
        await viewer.Page.Locator("#indicator-select").SelectOptionAsync("idm_status");
        await viewer.WaitForMapIdleAsync();
        Assert.Contains("IDM status", await viewer.Page.Locator("#legend-body").TextContentAsync());
        await viewer.ScreenshotAsync(Path.Combine(Folder, "viewer-idm-status-english.png"));
        await viewer.Page.Locator("#lang-id").ClickAsync();
        await viewer.Page.Locator("#indicator-select").SelectOptionAsync("poverty_rate");

        // 3. Search and the village popup.
        await viewer.Page.Locator("#search-input").FillAsync(busiest.GetProperty("kode").GetString()!);
        await viewer.Page.Locator("#search-results [role=option]").First.WaitForAsync();
        await viewer.Page.Locator("#search-input").PressAsync("Enter");
        await viewer.Page.Locator(".popup-body .program-list li").First.WaitForAsync();
        await viewer.WaitForMapIdleAsync();
        Assert.Equal(busiest.GetProperty("nama").GetString(), await viewer.Page.Locator(".popup-body h2").TextContentAsync());
        await viewer.ScreenshotAsync(Path.Combine(Folder, "viewer-search-popup.png"));
        await viewer.Page.Locator(".maplibregl-popup-close-button").ClickAsync();

        // 4. A replication-reach plan: pilots, reach circles, explanation bars and stability.
        await FitAsync(viewer, bbox);
        await viewer.Page.Locator("#tab-plan").ClickAsync();
        await viewer.Page.Locator("#plan-api-key").FillAsync(Environment.GetEnvironmentVariable("DESAGIS_SCREENSHOTS_API_KEY") ?? "");
        await viewer.Page.Locator("#plan-api-key").PressAsync("Tab");
        await viewer.Page.Locator("#plan-method-reach").CheckAsync();
        await viewer.Page.Locator("#plan-k").FillAsync("8");
        await viewer.Page.Locator("#plan-radius").FillAsync("8");
        await viewer.Page.Locator("#plan-run").ClickAsync();
        await viewer.Page.Locator(".pilot-list .pilot").Nth(7).WaitForAsync();
        await viewer.WaitForMapIdleAsync();
        Assert.Equal(8, (await viewer.RenderedFeaturesAsync("plan-pilots")).Length);
        await viewer.EvaluateAsync<bool>("() => { document.querySelector('.plan-result').scrollIntoView({ block: 'start' }); return true; }");
        await viewer.ScreenshotAsync(Path.Combine(Folder, "viewer-plan-reach.png"));

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
        await viewer.ScreenshotAsync(Path.Combine(Folder, "viewer-compare.png"));

        // 6. A tablet held upright, with the panel open.
        await using var tablet = await OpenAsync(browser, 768, 1024);
        await FitAsync(tablet, bbox);
        await tablet.Page.Locator("#sidebar-toggle").ClickAsync();
        await tablet.WaitForMapIdleAsync();
        Assert.True(await tablet.Page.Locator("#layer-villages").IsVisibleAsync());
        await tablet.ScreenshotAsync(Path.Combine(Folder, "viewer-tablet.png"));
    }

    private static async Task<ViewerPage> OpenAsync(IBrowser browser, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var viewer = new ViewerPage(await context.NewPageAsync(), ServerUrl!);
        await viewer.GotoAsync();
        return viewer;
    }

    private static async Task FitAsync(ViewerPage viewer, double[] bbox)
    {
        await viewer.EvaluateAsync<bool>("b => { window.desagis.map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 20, duration: 0 }); return true; }", bbox);
        await viewer.WaitForMapIdleAsync();
    }

    /// <summary>Runs only when DESAGIS_SCREENSHOTS_URL names a server with the demo data.</summary>
    private sealed class ScreenshotFactAttribute : FactAttribute
    {
        public ScreenshotFactAttribute()
        {
            if (ServerUrl is null) Skip = "Set DESAGIS_SCREENSHOTS_URL to a server with the demo data (make run) to refresh docs/screenshots.";
        }
    }
}
