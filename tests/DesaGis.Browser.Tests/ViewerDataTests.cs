using System.Text.Json;
using DesaGis.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;
using static DesaGis.Browser.Tests.Infrastructure.VillageDataset;

namespace DesaGis.Browser.Tests;

/// <summary>
/// What the viewer shows from the server's data: villages drawn from vector tiles in their poverty colours, the
/// programme filters, village search through /search, and the village popup from the OGC API Features endpoints.
/// </summary>
public class ViewerDataTests(ViewerFixture fx) : IClassFixture<ViewerFixture>
{
    private static string ViewOf(double lon, double lat, double zoom) => FormattableString.Invariant($"#z={zoom}&c={lon},{lat}");
    private static string DatasetView => ViewOf((Bounds[0] + Bounds[2]) / 2, (Bounds[1] + Bounds[3]) / 2, 11);

    [Fact]
    public async Task Villages_are_drawn_from_the_tiles_and_a_poorer_village_is_drawn_darker()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        Assert.False(await viewer.EvaluateAsync<bool>("() => window.desagis.fallbackStyle"), "the server's style is used");
        var fills = await viewer.EvaluateAsync<string[]>("() => window.desagis.panel.groups.get('villages').filter(id => window.desagis.map.getLayer(id).type === 'fill')");

        var drawn = await viewer.RenderedFeaturesAsync(fills);
        var kodes = drawn.Select(f => f.GetProperty("properties").GetProperty("kode").GetString() ?? "").ToHashSet();
        Assert.Equal(Villages.Select(v => v.Kode).ToHashSet(), kodes);

        // Labels, borders and popups would cover the centre points; look at the village fills alone.
        await viewer.EvaluateAsync<bool>(
            "fills => { const m = window.desagis.map; for (const l of m.getStyle().layers) if (!fills.includes(l.id) && l.type !== 'background') m.setLayoutProperty(l.id, 'visibility', 'none'); return true; }",
            fills);
        await viewer.WaitForMapIdleAsync();
        using var shot = await viewer.ScreenshotAsync();
        var poorest = await PixelAtAsync(viewer, shot, ByKode("63.71.01.2006")); // 35 %
        var richest = await PixelAtAsync(viewer, shot, ByKode("63.71.01.2001")); // 4.2 %
        var background = await PixelAtAsync(viewer, shot, Bounds[0] - 0.1, Bounds[3] - 0.05);
        Assert.True(Luminance(poorest) < Luminance(richest) - 40, $"35 % village {poorest} should be darker than the 4.2 % one {richest}");
        Assert.NotEqual(background, richest);
    }

    [Fact]
    public async Task Filtering_programmes_by_partner_leaves_only_that_partners_footprint_on_the_map()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;
        var programLayers = await viewer.EvaluateAsync<string[]>("() => window.desagis.panel.groups.get('programs')");
        var before = await viewer.RenderedFeaturesAsync(programLayers);
        Assert.Contains(before, f => Prop(f, "partner_nama") == PartnerWater);
        Assert.Contains(before, f => Prop(f, "partner_nama") == PartnerDistrict);

        await page.Locator("#filter-partner").SelectOptionAsync(PartnerWater);
        await viewer.WaitForMapIdleAsync();

        var after = await viewer.RenderedFeaturesAsync(programLayers);
        Assert.NotEmpty(after);
        Assert.All(after, f => Assert.Equal(PartnerWater, Prop(f, "partner_nama")));
        Assert.Contains("pp=Yayasan", await viewer.HashAsync());

        // Active in 2023: the enterprise programme (2024–2026) is not, the sanitation one (2022–2025) is.
        await page.Locator("#filter-partner").SelectOptionAsync("");
        await page.Locator("#filter-year").SelectOptionAsync("2023");
        await viewer.WaitForMapIdleAsync();
        var in2023 = await viewer.RenderedFeaturesAsync(programLayers);
        Assert.NotEmpty(in2023);
        Assert.All(in2023, f => Assert.Equal(PartnerWater, Prop(f, "partner_nama")));
    }

    [Fact]
    public async Task Searching_a_village_by_name_shows_its_kecamatan_and_kabupaten_and_zooms_to_it()
    {
        await using var viewer = await fx.OpenViewerAsync(ViewOf(117, -2.5, 5));
        var page = viewer.Page;

        await page.Locator("#search-input").FillAsync("rangas");
        var option = page.Locator("#search-results [role=option]").First;
        await option.WaitForAsync();
        var text = await option.TextContentAsync();
        Assert.Contains("Sungai Rangas", text);
        Assert.Contains("Kec. Danau Biru", text);
        Assert.Contains($"Kab. {KabupatenAName}", text);
        Assert.Equal("true", await page.GetAttributeAsync("#search-input", "aria-expanded"));

        await page.Locator("#search-input").PressAsync("Enter");
        await page.Locator(".popup-body h2").WaitForAsync();
        var village = ByKode("63.71.01.2001");
        var centre = await viewer.EvaluateAsync<double[]>("() => window.desagis.map.getCenter().toArray()");
        Assert.InRange(centre[0], village.West, village.West + Size);
        Assert.InRange(centre[1], village.North - Size, village.North);
        Assert.True(await viewer.EvaluateAsync<double>("() => window.desagis.map.getZoom()") > 10);
        Assert.Equal("Sungai Rangas", await page.Locator(".popup-body h2").TextContentAsync());
    }

    [Fact]
    public async Task Searching_by_code_finds_the_village_and_its_name_with_an_apostrophe_shows_as_text()
    {
        await using var viewer = await fx.OpenViewerAsync(ViewOf(117, -2.5, 5));
        var page = viewer.Page;
        await page.Locator("#search-input").FillAsync("63.71.01.2002");
        var option = page.Locator("#search-results [role=option]").First;
        await option.WaitForAsync();
        Assert.Equal("63.71.01.2002", await option.GetAttributeAsync("data-kode"));
        await option.ClickAsync();
        await page.Locator(".popup-body h2").WaitForAsync();
        Assert.Equal("Teluk D'Alam", await page.Locator(".popup-body h2").TextContentAsync());
    }

    [Fact]
    public async Task Clicking_a_village_shows_its_indicators_programmes_partners_and_transmigration_area()
    {
        var village = ByKode("63.71.01.2003"); // Pematang Baru: 12.5 %, both programmes
        await using var viewer = await fx.OpenViewerAsync(ViewOf(village.Centre.Lon, village.Centre.Lat, 12));
        var page = viewer.Page;
        // The legend folds away so it cannot be under the pointer.
        await page.Locator("#legend-toggle").ClickAsync();
        Assert.Equal("false", await page.GetAttributeAsync("#legend-toggle", "aria-expanded"));

        var (x, y) = await viewer.ScreenPointAsync(village.Centre.Lon, village.Centre.Lat);
        await page.Mouse.ClickAsync(x, y);
        var popup = page.Locator(".popup-body");
        await popup.WaitForAsync();
        await page.Locator(".popup-body .program-list li").Nth(1).WaitForAsync();

        Assert.Equal("Pematang Baru", await popup.Locator("h2").TextContentAsync());
        var body = await popup.TextContentAsync();
        Assert.Contains("12,5 %", body);
        Assert.Contains("Kec. Danau Biru", body);
        Assert.Contains("Berkembang", body);
        Assert.Contains(ProgramSanitation, body);
        Assert.Contains(ProgramEnterprise, body);
        Assert.Contains(PartnerWater, body);
        Assert.Contains(PartnerDistrict, body);
        Assert.Contains("bukan kawasan transmigrasi", body);

        // The popup closes with its button (it could cover the next village).
        await page.Locator(".maplibregl-popup-close-button").ClickAsync();
        Assert.Equal(0, await page.Locator(".popup-body").CountAsync());
        var settler = ByKode("63.71.01.2006"); // Handil Bakti, in the transmigration area
        (x, y) = await viewer.ScreenPointAsync(settler.Centre.Lon, settler.Centre.Lat);
        await page.Mouse.ClickAsync(x, y);
        await page.Locator(".popup-body h2", new PageLocatorOptions { HasText = "Handil Bakti" }).WaitForAsync();
        Assert.Contains(TransmigrationArea, await page.Locator(".popup-body").TextContentAsync());
    }

    private static string? Prop(JsonElement feature, string name) =>
        feature.GetProperty("properties").TryGetProperty(name, out var v) ? v.ToString() : null;

    private static Task<SKColor> PixelAtAsync(ViewerPage viewer, SKBitmap shot, Village village) =>
        PixelAtAsync(viewer, shot, village.Centre.Lon, village.Centre.Lat);

    private static async Task<SKColor> PixelAtAsync(ViewerPage viewer, SKBitmap shot, double lon, double lat)
    {
        var (x, y) = await viewer.ScreenPointAsync(lon, lat);
        return shot.GetPixel((int)x, (int)y);
    }

    private static double Luminance(SKColor c) => 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;
}
