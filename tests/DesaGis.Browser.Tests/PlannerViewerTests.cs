using DesaGis.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;
using static DesaGis.Browser.Tests.Infrastructure.VillageDataset;

namespace DesaGis.Browser.Tests;

/// <summary>
/// The plan panel against the real planner API: running a plan draws the pilots and their reach, pinning a
/// village runs it again, scenarios are saved, reopened from their link and compared on the map.
/// </summary>
public class PlannerViewerTests(ViewerFixture fx) : IClassFixture<ViewerFixture>
{
    private static string DatasetView => FormattableString.Invariant($"#z=11&c={(Bounds[0] + Bounds[2]) / 2},{(Bounds[1] + Bounds[3]) / 2}");

    /// <summary>
    /// Opens the plan tab, enters a planner's API key and sets method, k and radius; the area is the map view, which
    /// holds every village.
    /// </summary>
    private async Task SetUpPlanAsync(IPage page, string method, int k, double radiusKm = 5)
    {
        await page.Locator("#tab-plan").ClickAsync();
        if (await page.Locator("#plan-api-key").InputValueAsync() == "")
        {
            await page.Locator("#plan-api-key").FillAsync(await fx.CreateApiKeyAsync("planner"));
            await page.Locator("#plan-api-key").PressAsync("Tab");
        }
        await page.Locator($"#plan-method-{method}").CheckAsync();
        await page.Locator("#plan-k").FillAsync(k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#plan-radius").FillAsync(radiusKm.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task RunAsync(ViewerPage viewer, int expectedPilots)
    {
        await viewer.Page.Locator("#plan-run").ClickAsync();
        // Done when the button is back and either the list or an error is shown.
        await viewer.Page.WaitForFunctionAsync(
            "() => !document.querySelector('#plan-run').disabled && (document.querySelector('.pilot-list') || document.querySelector('#panel-plan .error'))");
        var error = viewer.Page.Locator("#panel-plan .error");
        Assert.True(await error.CountAsync() == 0, "the plan failed: " + (await error.AllTextContentsAsync()).FirstOrDefault());
        Assert.Equal(expectedPilots, await viewer.Page.Locator(".pilot-list .pilot").CountAsync());
        await viewer.WaitForMapIdleAsync();
    }

    [Fact]
    public async Task Running_a_plan_lists_explained_pilots_and_draws_them_with_their_reach()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;
        await SetUpPlanAsync(page, "reach", k: 3, radiusKm: 5);

        await RunAsync(viewer, 3);

        var pilots = page.Locator(".pilot-list .pilot");
        for (int i = 0; i < 3; i++)
        {
            var pilot = pilots.Nth(i);
            Assert.True(await pilot.Locator(".explain-bar .segment").CountAsync() > 0, "each pilot has an explanation bar");
            Assert.Matches(@"Stabil \d+ %", await pilot.Locator(".stability").TextContentAsync());
        }
        Assert.Contains("desa terjangkau", await page.Locator(".plan-result .summary").TextContentAsync());

        // On the map: three pilot markers and three reach circles, where the list says.
        var drawn = await viewer.RenderedFeaturesAsync("plan-pilots");
        var kodes = await pilots.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kode)");
        Assert.Equal(kodes.Order(), drawn.Select(f => f.GetProperty("properties").GetProperty("kode").GetString()).Order());
        Assert.NotEmpty(await viewer.RenderedFeaturesAsync("plan-reach-fill"));

        var first = await viewer.EvaluateAsync<double[]>("() => { const p = window.desagis.planner.run.selected[0]; return [p.lon, p.lat]; }");
        var (x, y) = await viewer.ScreenPointAsync(first[0], first[1]);
        using var shot = await viewer.ScreenshotAsync();
        var pixel = shot.GetPixel((int)x, (int)y);
        // The pilot marker's red (#c92a2a), not the village colour underneath.
        Assert.True(pixel.Red > 170 && pixel.Green < 80 && pixel.Blue < 80, $"pilot marker pixel is {pixel}");
        var legend = await page.Locator("#legend-body [data-group=scenario]").TextContentAsync();
        Assert.Contains("Desa pilot", legend);
    }

    [Fact]
    public async Task Running_a_plan_without_a_planner_key_says_to_enter_one()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;
        await page.Locator("#tab-plan").ClickAsync();
        await page.Locator("#plan-run").ClickAsync();
        var error = page.Locator("#panel-plan .error");
        await error.WaitForAsync();
        Assert.Contains("kunci API", await error.TextContentAsync());
        Assert.Equal(0, await page.Locator(".pilot-list").CountAsync());

        await page.Locator("#plan-api-key").FillAsync(await fx.CreateApiKeyAsync("viewer"));
        await page.Locator("#plan-api-key").PressAsync("Tab");
        await page.Locator("#plan-run").ClickAsync();
        await page.Locator("#panel-plan .error", new PageLocatorOptions { HasText = "peran perencana" }).WaitForAsync();
    }

    [Fact]
    public async Task Pinning_a_runner_up_runs_the_plan_again_with_it_among_the_pilots()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;
        await SetUpPlanAsync(page, "ranking", k: 2);
        await RunAsync(viewer, 2);
        var runnerUp = page.Locator(".runner-up").First;
        var kode = await runnerUp.GetAttributeAsync("data-kode");
        var nama = ByKode(kode!).Nama;

        await page.Locator(".runners-up summary").ClickAsync();
        await runnerUp.Locator("button").ClickAsync();
        await page.WaitForFunctionAsync("kode => !!document.querySelector(`.pilot-list .pilot[data-kode='${kode}'] .badge`)", kode);

        Assert.Equal(2, await page.Locator(".pilot-list .pilot").CountAsync());
        Assert.Contains(nama, await page.Locator(".plan-result .effect").TextContentAsync());
        Assert.Contains(nama, await page.Locator(".pins").TextContentAsync());
        await viewer.WaitForMapIdleAsync();
        Assert.Contains(await viewer.RenderedFeaturesAsync("plan-pilots"), f => f.GetProperty("properties").GetProperty("kode").GetString() == kode);

        // Unpinning puts the plan back as it was.
        await page.Locator($".pilot-list .pilot[data-kode='{kode}'] button[aria-pressed=true]").ClickAsync();
        await page.WaitForFunctionAsync("kode => !document.querySelector(`.pilot-list .pilot[data-kode='${kode}']`) && !document.querySelector('#plan-run').disabled", kode);
    }

    [Fact]
    public async Task A_saved_scenario_comes_back_from_its_link_after_a_reload()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;
        await SetUpPlanAsync(page, "reach", k: 2, radiusKm: 4);
        await RunAsync(viewer, 2);
        var kodes = await page.Locator(".pilot-list .pilot").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kode)");

        await page.Locator("#scenario-name").FillAsync("Uji simpan 'dua' pilot");
        await page.Locator("#scenario-author").FillAsync("bappeda");
        await page.Locator("#scenario-save").ClickAsync();
        await page.WaitForFunctionAsync("() => /[#&]s=\\w+/.test(location.hash)");

        await viewer.ReloadAsync();
        await page.Locator("#tab-plan").ClickAsync();
        await page.Locator(".plan-result h3", new PageLocatorOptions { HasText = "Uji simpan 'dua' pilot" }).WaitForAsync();
        var reloaded = await page.Locator(".pilot-list .pilot").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kode)");
        Assert.Equal(kodes, reloaded);
        await viewer.WaitForMapIdleAsync();
        Assert.Equal(2, (await viewer.RenderedFeaturesAsync("plan-pilots")).Length);
        Assert.Equal("4", await page.Locator("#plan-radius").InputValueAsync());
    }

    [Fact]
    public async Task Two_scenarios_are_compared_on_the_map_and_in_a_list()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;
        await SetUpPlanAsync(page, "ranking", k: 2);
        await RunAsync(viewer, 2);
        await SaveAsync(page, "Dua pilot");
        await SetUpPlanAsync(page, "ranking", k: 4);
        await RunAsync(viewer, 4);
        await SaveAsync(page, "Empat pilot");

        var options = page.Locator("#scenario-a option");
        await page.Locator("#scenario-a").SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(page, "Dua pilot") });
        await page.Locator("#scenario-b").SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(page, "Empat pilot") });
        await page.Locator("#scenario-compare").ClickAsync();
        await page.Locator(".comparison").WaitForAsync();
        await viewer.WaitForMapIdleAsync();

        Assert.Equal(2, (await viewer.RenderedFeaturesAsync("compare-a")).Length);
        Assert.Equal(4, (await viewer.RenderedFeaturesAsync("compare-b")).Length);
        Assert.Empty(await viewer.RenderedFeaturesAsync("plan-pilots"));
        var text = await page.Locator(".comparison").TextContentAsync();
        // A ranking with k = 2 picks the two best scores, which a ranking with k = 4 picks too.
        Assert.Contains("Pilot di keduanya (2)", text);
        Assert.Contains("Hanya di Empat pilot (2)", text);
        Assert.Matches("[#&]cmp=", await viewer.HashAsync());
        Assert.True(await options.CountAsync() >= 3);
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        await page.Locator("#scenario-name").FillAsync(name);
        await page.Locator("#scenario-save").ClickAsync();
        await page.Locator("#scenario-a option", new PageLocatorOptions { HasText = name }).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    private static async Task<string> OptionLabelAsync(IPage page, string name) =>
        (await page.Locator("#scenario-a option", new PageLocatorOptions { HasText = name }).First.TextContentAsync())!;
}
