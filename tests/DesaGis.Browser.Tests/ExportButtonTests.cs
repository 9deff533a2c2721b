using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DesaGis.Browser.Tests.Infrastructure;
using static DesaGis.Browser.Tests.Infrastructure.VillageDataset;

namespace DesaGis.Browser.Tests;

/// <summary>The export buttons ask the export endpoints for the area on screen, and get a map and the data back.</summary>
public class ExportButtonTests(ViewerFixture fx) : IClassFixture<ViewerFixture>
{
    private static string DatasetView => FormattableString.Invariant($"#z=11&c={(Bounds[0] + Bounds[2]) / 2},{(Bounds[1] + Bounds[3]) / 2}");

    /// <summary>Clicks a button that opens a new tab and returns the address that tab asked for.</summary>
    private static async Task<string> UrlOpenedByAsync(ViewerPage viewer, string button, string path)
    {
        var requested = new ConcurrentQueue<string>();
        viewer.Page.Context.Request += (_, request) => requested.Enqueue(request.Url);
        await viewer.Page.Locator(button).ClickAsync();
        for (int i = 0; i < 100 && !requested.Any(u => u.Contains(path, StringComparison.Ordinal)); i++) await Task.Delay(100);
        return requested.First(u => u.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_map_button_asks_for_a_PDF_of_the_view_and_gets_one()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        await viewer.Page.Locator("#tab-export").ClickAsync();
        await viewer.Page.Locator("#export-title").FillAsync("Desa uji");

        var url = await UrlOpenedByAsync(viewer, "#export-map", "/export/map");

        Assert.Contains("format=pdf", url);
        Assert.Contains("paper=a4", url);
        Assert.Contains("bbox=", url);
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task The_data_button_downloads_the_villages_in_view_as_GeoJSON()
    {
        await using var viewer = await fx.OpenViewerAsync(DatasetView);
        await viewer.Page.Locator("#tab-export").ClickAsync();
        await viewer.Page.Locator("#export-collection").SelectOptionAsync("village_indicators");
        await viewer.Page.Locator("#export-data-format").SelectOptionAsync("geojson");

        var url = await UrlOpenedByAsync(viewer, "#export-data", "/export/data/");

        Assert.Contains("/export/data/village_indicators?", url);
        using var http = new HttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync(url));
        var kodes = json.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("kode").GetString()).ToHashSet();
        Assert.Equal(Villages.Select(v => v.Kode).ToHashSet(), kodes!);
    }
}
