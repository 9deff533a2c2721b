using DesaGis.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DesaGis.Browser.Tests.Registry;

/// <summary>
/// The programme registry as its users meet it in the viewer, on the real villages of kecamatan Sakra (Lombok
/// Timur): a partner adds a programme by clicking villages, a reviewer publishes it, the public map shows it.
/// </summary>
public class RegistryViewerTests(RegistryViewerFixture fx) : IClassFixture<RegistryViewerFixture>
{
    private const string Rumbuk = "52.03.02.2004", RumbukTimur = "52.03.02.2007";

    private async Task<(double Lon, double Lat)> PointOfAsync(string kode) =>
        (await fx.Database.ScalarAsync<double>("SELECT ST_X(centroid) FROM desagis.desa WHERE kode = $1", kode),
         await fx.Database.ScalarAsync<double>("SELECT ST_Y(centroid) FROM desagis.desa WHERE kode = $1", kode));

    private static string Screenshot(string name) => Path.Combine(Path.GetTempPath(), $"desagis-registry-{name}.png");

    private static async Task SignInAsync(ViewerPage viewer, string key)
    {
        var page = viewer.Page;
        await page.Locator("#tab-registry").ClickAsync();
        await page.Locator("#registry-key").FillAsync(key);
        await page.Locator("#registry-sign-in").ClickAsync();
        await page.Locator("#registry-who").WaitForAsync();
    }

    [Fact]
    public async Task A_partner_adds_a_programme_by_clicking_villages_a_reviewer_publishes_it_and_the_public_map_shows_it()
    {
        var a = await PointOfAsync(Rumbuk);
        var b = await PointOfAsync(RumbukTimur);
        var view = FormattableString.Invariant($"#z=13&c={(a.Lon + b.Lon) / 2},{(a.Lat + b.Lat) / 2}");

        // The partner (Dinas PMD, contoh) signs in, in Bahasa Indonesia.
        await using var partner = await fx.OpenViewerAsync(view);
        await SignInAsync(partner, await fx.KeyAsync("partner", "CONTOH-MTR-1"));
        Assert.Contains("mitra CONTOH-MTR-1", await partner.Page.Locator("#registry-who").TextContentAsync());
        await partner.Page.Locator("#registry-add").ClickAsync();
        await partner.Page.Locator("#registry-nama").FillAsync("Bank Sampah Rumbuk");
        await partner.Page.Locator("#registry-sector").FillAsync("lingkungan");
        await partner.Page.Locator("#registry-start_date").FillAsync("2026-02-01");
        await partner.Page.Locator("#registry-pick").ClickAsync();
        foreach (var (lon, lat) in new[] { a, b })
        {
            var (x, y) = await partner.ScreenPointAsync(lon, lat);
            await partner.Page.Mouse.ClickAsync(x, y);
        }
        await partner.Page.Locator("#registry-chosen", new() { HasText = "2 desa dipilih" }).WaitForAsync();
        Assert.Equal(2, await partner.Page.Locator(".registry-villages li").CountAsync());
        Assert.Contains("Rumbuk Timur", await partner.Page.Locator(".registry-villages").TextContentAsync());
        await partner.WaitForMapIdleAsync();
        await partner.ScreenshotAsync(Screenshot("partner-picking-id"));
        await partner.Page.Locator("#registry-save").ClickAsync();
        var item = partner.Page.Locator(".registry-item", new() { HasText = "Bank Sampah Rumbuk" });
        await item.WaitForAsync();
        Assert.Contains("Draf — menunggu tinjauan", await item.TextContentAsync());
        var kode = await item.GetAttributeAsync("data-kode");
        Assert.NotNull(kode);
        // Not on the public map yet.
        Assert.DoesNotContain(await partner.RenderedFeaturesAsync("programs-fill"), f => f.GetProperty("properties").GetProperty("kode").GetString() == kode);

        // The reviewer, in English, sees it in the queue, looks at it on the map and publishes it.
        await using var reviewer = await fx.OpenViewerAsync(view + "&lang=en");
        await SignInAsync(reviewer, await fx.KeyAsync("reviewer"));
        Assert.Contains("reviewer", await reviewer.Page.Locator("#registry-who").TextContentAsync());
        var queued = reviewer.Page.Locator($".registry-queue .registry-item[data-kode='{kode}']");
        await queued.WaitForAsync();
        Assert.Contains("new programme", await queued.TextContentAsync());
        Assert.Contains("2 villages", await queued.TextContentAsync());
        await queued.GetByRole(AriaRole.Button, new() { Name = "Show on the map" }).ClickAsync();
        await reviewer.WaitForMapIdleAsync();
        await reviewer.ScreenshotAsync(Screenshot("reviewer-queue-en"));
        await queued.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await reviewer.Page.Locator("#notice", new() { HasText = "is on the public map" }).WaitForAsync();
        Assert.Equal(0, await reviewer.Page.Locator($".registry-queue .registry-item[data-kode='{kode}']").CountAsync());

        // Anyone opening the map now sees the programme over both villages.
        await using var visitor = await fx.OpenViewerAsync(view);
        var drawn = await visitor.RenderedFeaturesAsync("programs-fill");
        // (one piece per tile it spans)
        var pieces = drawn.Where(f => f.GetProperty("properties").GetProperty("kode").GetString() == kode).ToList();
        Assert.NotEmpty(pieces);
        Assert.All(pieces, p => Assert.Equal("Bank Sampah Rumbuk", p.GetProperty("properties").GetProperty("nama").GetString()));
        Assert.All(pieces, p => Assert.Equal(2, p.GetProperty("properties").GetProperty("village_count").GetInt32()));
        await visitor.ScreenshotAsync(Screenshot("public-map-id"));
        // The partner's list now says it is published (the key is kept for the browser tab, so no new sign-in).
        await partner.ReloadAsync();
        await partner.Page.Locator("#tab-registry").ClickAsync();
        await partner.Page.Locator($".registry-item[data-kode='{kode}']", new() { HasText = "Terbit" }).WaitForAsync();
        Assert.Empty(partner.Errors);
        Assert.Empty(reviewer.Errors);
        Assert.Empty(visitor.Errors);
    }

    [Fact]
    public async Task Anyone_sees_the_gap_table_of_a_kecamatan_in_both_languages_with_a_CSV_to_download()
    {
        var (lon, lat) = await PointOfAsync("52.03.09.2003");
        await using var visitor = await fx.OpenViewerAsync(FormattableString.Invariant($"#z=12&c={lon},{lat}"));
        var page = visitor.Page;
        await page.Locator("#tab-registry").ClickAsync();
        await page.Locator("#gap-area").FillAsync("52.03.09");
        await page.Locator("#gap-year").FillAsync("2026");
        await page.Locator("#gap-need").FillAsync("0.86");
        await page.Locator("#gap-run").ClickAsync();
        var summary = page.Locator("#gap-summary");
        await summary.WaitForAsync();
        Assert.Contains("3 dengan data; 1 desa berkebutuhan tinggi tanpa program", await summary.TextContentAsync());
        Assert.Contains("Kalijaga (52.03.09.2003) — 0,847 (2024)", await page.Locator("#gap-villages").TextContentAsync());
        Assert.Contains("Aikmel", await page.Locator(".gap-table").TextContentAsync());
        var csv = await page.Locator("#gap-analysis a[download]").GetAttributeAsync("href");
        Assert.Contains("f=csv", csv);
        await page.Locator("#gap-analysis").ScrollIntoViewIfNeededAsync();
        await visitor.ScreenshotAsync(Screenshot("gaps-id"));

        await page.Locator("[data-lang=en]").ClickAsync();
        await page.Locator("#gap-run").ClickAsync();
        await page.Locator("#gap-summary", new() { HasText = "high-need villages without a programme" }).WaitForAsync();
        Assert.Contains("High-need villages without an active programme", await page.Locator("#gap-analysis").TextContentAsync());
        await visitor.ScreenshotAsync(Screenshot("gaps-en"));
        Assert.Empty(visitor.Errors);
    }
}
