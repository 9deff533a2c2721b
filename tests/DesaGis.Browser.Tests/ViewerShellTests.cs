using System.Text.Json;
using DesaGis.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DesaGis.Browser.Tests;

/// <summary>
/// The viewer's own behaviour in headless Chromium against the real server: loading, layer switches and opacity,
/// the legend, the language switch, and links that keep what is shown.
/// </summary>
public class ViewerShellTests(ViewerFixture fx) : IClassFixture<ViewerFixture>
{
    private static string DatasetView
    {
        get
        {
            var b = VillageDataset.Bounds;
            return FormattableString.Invariant($"#z=11&c={(b[0] + b[2]) / 2},{(b[1] + b[3]) / 2}");
        }
    }

    [Fact]
    public async Task The_viewer_loads_in_Bahasa_Indonesia_with_a_map_and_every_layer_group()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;

        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Lapisan", (await page.Locator("#tab-layers").TextContentAsync())?.Trim());
        Assert.True(await viewer.EvaluateAsync<bool>("() => window.desagis.map.isStyleLoaded() && !!document.querySelector('#map canvas')"));
        // The map draws with WebGL: a drawing buffer exists and has the page's size.
        var canvas = await viewer.EvaluateAsync<int[]>("() => { const c = window.desagis.map.getCanvas(); return [c.width, c.height]; }");
        Assert.True(canvas[0] > 900 && canvas[1] > 600, $"canvas {canvas[0]}×{canvas[1]}");
        foreach (var group in new[] { "villages", "programs", "transmigration", "kecamatan", "kabupaten" })
        {
            Assert.True(await page.Locator($"#layer-{group}").IsCheckedAsync(), $"{group} starts switched on");
            Assert.NotEmpty(await viewer.GroupVisibilityAsync(group));
        }
        Assert.Empty(viewer.Errors);
    }

    [Fact]
    public async Task Switching_a_layer_off_hides_it_on_the_map_drops_it_from_the_legend_and_the_link_keeps_it_off()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;
        Assert.Equal(1, await page.Locator("#legend-body [data-group=kecamatan]").CountAsync());

        await page.Locator("#layer-kecamatan").UncheckAsync();

        Assert.All(await viewer.GroupVisibilityAsync("kecamatan"), v => Assert.Equal("none", v));
        Assert.All(await viewer.GroupVisibilityAsync("villages"), v => Assert.Equal("visible", v));
        Assert.Equal(0, await page.Locator("#legend-body [data-group=kecamatan]").CountAsync());
        var hash = await viewer.HashAsync();
        Assert.Matches("l=[a-z,]*villages", hash);
        Assert.DoesNotContain("kecamatan", hash);

        await viewer.ReloadAsync();
        Assert.False(await page.Locator("#layer-kecamatan").IsCheckedAsync());
        Assert.All(await viewer.GroupVisibilityAsync("kecamatan"), v => Assert.Equal("none", v));

        await page.Locator("#layer-kecamatan").CheckAsync();
        Assert.All(await viewer.GroupVisibilityAsync("kecamatan"), v => Assert.Equal("visible", v));
    }

    [Fact]
    public async Task The_opacity_slider_scales_the_opacity_of_the_village_layers()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var fill = await viewer.EvaluateAsync<string>("() => window.desagis.panel.groups.get('villages').find(id => window.desagis.map.getLayer(id).type === 'fill')");
        var before = await viewer.EvaluateAsync<JsonElement>("id => window.desagis.map.getPaintProperty(id, 'fill-opacity') ?? 1", fill);

        await viewer.Page.Locator("#opacity-villages").FillAsync("50");

        var after = await viewer.EvaluateAsync<JsonElement>("id => window.desagis.map.getPaintProperty(id, 'fill-opacity')", fill);
        if (before.ValueKind == JsonValueKind.Number)
            Assert.Equal(before.GetDouble() * 0.5, after.GetDouble(), 3);
        else
            Assert.Contains("0.5", after.GetRawText());
        Assert.Contains("o=villages:50", await viewer.HashAsync());
    }

    [Fact]
    public async Task The_legend_shows_exactly_the_classes_the_village_layer_is_coloured_with()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;

        foreach (var indicator in new[] { "poverty_rate", "extreme_poor", "idm_status" })
        {
            await page.Locator("#indicator-select").SelectOptionAsync(indicator);
            // The colours the map draws villages with, read from the style layer itself.
            var mapColours = await viewer.EvaluateAsync<string[]>(
                """
                () => {
                  const map = window.desagis.map;
                  const layer = map.getStyle().layers.find(l => l.type === 'fill' && l['source-layer'] === 'village_indicators');
                  const colours = [];
                  const walk = e => { if (typeof e === 'string' && (e.startsWith('#') || e.startsWith('rgb') || e.startsWith('hsl'))) colours.push(e.toLowerCase()); else if (Array.isArray(e)) e.forEach(walk); };
                  walk(map.getPaintProperty(layer.id, 'fill-color'));
                  return colours;
                }
                """);
            var legendColours = await page.Locator("#legend-body [data-group=villages] .legend-item")
                .EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.color.toLowerCase())");
            Assert.NotEmpty(legendColours);
            Assert.Equal(mapColours.Distinct().Order(), legendColours.Distinct().Order());
            Assert.Contains(indicator, await viewer.EvaluateAsync<string>(
                "() => JSON.stringify(window.desagis.map.getPaintProperty(window.desagis.map.getStyle().layers.find(l => l.type === 'fill' && l['source-layer'] === 'village_indicators').id, 'fill-color'))"));
        }

        var idmLabels = await page.Locator("#legend-body [data-group=villages] .legend-label").AllTextContentsAsync();
        Assert.Contains("Sangat tertinggal", idmLabels);
        Assert.Contains("Mandiri", idmLabels);
        Assert.Contains("i=idm_status", await viewer.HashAsync());
    }

    [Fact]
    public async Task Switching_to_English_relabels_the_page_and_the_link_keeps_the_language()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;
        Assert.Equal("Peta desa dan perencana desa percontohan", (await page.Locator(".subtitle").TextContentAsync())?.Trim());

        await page.Locator("#lang-en").ClickAsync();

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("true", await page.GetAttributeAsync("#lang-en", "aria-pressed"));
        Assert.Equal("Layers", (await page.Locator("#tab-layers").TextContentAsync())?.Trim());
        Assert.Equal("Plan", (await page.Locator("#tab-plan").TextContentAsync())?.Trim());
        Assert.Equal("Legend", (await page.Locator("#legend-toggle").TextContentAsync())?.Trim());
        Assert.Equal("Search a village (name or code)…", await page.GetAttributeAsync("#search-input", "placeholder"));
        Assert.Equal("Villages", (await page.Locator("label[for=layer-villages]").TextContentAsync())?.Trim());
        Assert.StartsWith("Villages: ", (await page.Locator("#legend-body [data-group=villages] h3").TextContentAsync())?.Trim());
        await page.Locator("#tab-plan").ClickAsync();
        Assert.Equal("Run the plan", (await page.Locator("#plan-run").TextContentAsync())?.Trim());
        Assert.Contains("lang=en", await viewer.HashAsync());

        await viewer.ReloadAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Layers", (await page.Locator("#tab-layers").TextContentAsync())?.Trim());

        await page.Locator("#lang-id").ClickAsync();
        Assert.Equal("Lapisan", (await page.Locator("#tab-layers").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task Every_control_has_a_name_and_the_keyboard_reaches_the_search_and_the_tabs()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        var page = viewer.Page;
        await page.Locator("#tab-plan").ClickAsync();
        await page.Locator("#tab-layers").ClickAsync();

        // Inputs, selects and buttons of the page, in every panel, each with an accessible name.
        var unnamed = await viewer.EvaluateAsync<string[]>(
            """
            () => {
              document.querySelectorAll('[role=tabpanel]').forEach(p => p.hidden = false);
              const controls = [...document.querySelectorAll('input, select, button')].filter(el => !el.closest('.maplibregl-ctrl'));
              return controls.filter(el => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.textContent.trim()))
                             .map(el => el.outerHTML.slice(0, 80));
            }
            """);
        Assert.Empty(unnamed);

        await viewer.ReloadAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await viewer.EvaluateAsync<string>("() => document.activeElement.className"));
        var reached = new List<string>();
        for (int i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await viewer.EvaluateAsync<string>("() => document.activeElement.id"));
        }
        Assert.Contains("search-input", reached);
        Assert.Contains("tab-layers", reached);
        // The skip link puts the keyboard on the map.
        await page.Locator(".skip-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("maplibregl-canvas", await viewer.EvaluateAsync<string>("() => document.activeElement.className"));
        // Arrow keys move between the tabs.
        await page.Locator("#tab-layers").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("tab-plan", await viewer.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.True(await page.Locator("#panel-plan").IsVisibleAsync());
    }

    [Fact]
    public async Task On_a_tablet_the_panel_starts_closed_and_the_menu_button_opens_it()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView, width: 768, height: 1024);
        var page = viewer.Page;
        Assert.False(await page.Locator("#sidebar").IsVisibleAsync());
        Assert.Equal("false", await page.GetAttributeAsync("#sidebar-toggle", "aria-expanded"));

        await page.Locator("#sidebar-toggle").ClickAsync();

        Assert.True(await page.Locator("#sidebar").IsVisibleAsync());
        Assert.True(await page.Locator("#layer-villages").IsVisibleAsync());
    }
}
