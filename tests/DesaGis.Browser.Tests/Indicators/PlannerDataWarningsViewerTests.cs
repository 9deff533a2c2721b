using DesaGis.Browser.Tests.Infrastructure;
using DesaGis.Testing;

namespace DesaGis.Browser.Tests.Indicators;

/// <summary>
/// The plan panel on the real Lombok Timur data: a default plan shows, above the list, that IDM covers only 11 villages
/// and is left out, and marks each pilot's values as measured, inherited or imputed — in Bahasa Indonesia and English.
/// </summary>
public sealed class PlannerDataWarningsViewerTests(RealPlacesFixture fx) : IClassFixture<RealPlacesFixture>
{
    private const string LombokTimur = "#z=10&c=116.55,-8.55";

    [GeodataFact]
    public async Task A_default_plan_on_Lombok_Timur_warns_above_the_list_and_marks_where_values_come_from_in_both_languages()
    {
        await using var viewer = await fx.OpenViewerAsync(LombokTimur);
        var page = viewer.Page;
        var (_, key) = await new DesaGis.Data.Security.ApiKeyStore(fx.Database.DataSource).CreateAsync($"browser-planner-{Guid.NewGuid():N}", "planner");
        await page.Locator("#tab-plan").ClickAsync();
        await page.Locator("#plan-api-key").FillAsync(key);
        await page.Locator("#plan-api-key").PressAsync("Tab");
        await page.Locator("#plan-run").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('#plan-run').disabled && (document.querySelector('.pilot-list') || document.querySelector('#panel-plan .error'))",
            null, new() { Timeout = 60_000 });
        Assert.Equal(0, await page.Locator("#panel-plan .error").CountAsync());

        // The warnings come before the list.
        var warnings = page.Locator(".plan-result .warnings");
        Assert.True(await page.EvaluateAsync<bool>(
            "() => { const w = document.querySelector('.plan-result .warnings'), l = document.querySelector('.pilot-list'); return !!w && !!(w.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING); }"),
            "the warnings stand above the pilot list");
        var idm = warnings.Locator("li[data-code=low-coverage][data-criterion=idm_score]");
        Assert.Contains("Peringatan tentang data", await warnings.InnerTextAsync());
        Assert.Matches(@"idm_score \(Skor IDM 0–1\): hanya 11 dari \d+ desa kandidat", await idm.InnerTextAsync());

        var first = page.Locator(".pilot-list .pilot").First;
        var poverty = first.Locator(".value-sources [data-criterion=poverty_rate]");
        Assert.Equal("imputed", await poverty.GetAttributeAsync("data-source"));
        Assert.Contains("diperkirakan (median)", await poverty.InnerTextAsync());
        // Nothing measured tells these villages apart: no pilot is "Stabil 100 %".
        foreach (var text in await page.Locator(".pilot-list .stability").AllInnerTextsAsync())
            Assert.DoesNotContain("100 %", text);
        await viewer.ScreenshotAsync(Path.Combine(Path.GetTempPath(), "desagis-planner-warnings-id.png"));

        await page.Locator("#lang-en").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.plan-result .warnings')?.innerText.includes('only 11 of')",
            null, new() { Timeout = 60_000 });
        Assert.Contains("Data warnings", await warnings.InnerTextAsync());
        Assert.Matches(@"idm_score \(IDM score 0–1\): only 11 of \d+ candidate villages", await idm.InnerTextAsync());
        Assert.Contains("imputed (median)", await poverty.InnerTextAsync());
        await viewer.ScreenshotAsync(Path.Combine(Path.GetTempPath(), "desagis-planner-warnings-en.png"));
    }
}
