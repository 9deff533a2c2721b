using System.Globalization;
using DesaGis.Browser.Tests.Infrastructure;
using DesaGis.Testing;

namespace DesaGis.Browser.Tests.Indicators;

/// <summary>
/// The viewer's "colour by" on the real data of ../shared/geodata, in headless Chromium: the BPS kabupaten P0 as a
/// kabupaten choropleth and the Kemendesa IDM on villages, each with year, source and coverage in the legend, and
/// popups that give every figure's year and source and say when a village's figure is really its kabupaten's.
/// </summary>
public sealed class IndicatorViewerTests(RealPlacesFixture fx) : IClassFixture<RealPlacesFixture>
{
    /// <summary>Where the screenshots go, to be looked at.</summary>
    public static readonly string ScreenshotDirectory = Path.Combine(Path.GetTempPath(), "desagis-indicator-screens");

    private static string Shot(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return Path.Combine(ScreenshotDirectory, name);
    }

    private async Task<string> LegendTextAsync(ViewerPage viewer, string contains)
    {
        await viewer.Page.WaitForFunctionAsync("text => document.querySelector('#legend-body').innerText.includes(text)", contains,
            new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = 15_000 });
        await viewer.WaitForMapIdleAsync();
        return await viewer.Page.InnerTextAsync("#legend-body");
    }

    /// <summary>A count as the viewer writes it: 1.234 in Bahasa Indonesia, 1,234 in English.</summary>
    private static string Grouped(long n, char separator)
    {
        var digits = n.ToString(CultureInfo.InvariantCulture);
        for (int i = digits.Length - 3; i > 0; i -= 3) digits = digits.Insert(i, separator.ToString());
        return digits;
    }

    [GeodataFact]
    public async Task The_kabupaten_P0_is_a_kabupaten_choropleth_with_year_source_and_coverage_in_Indonesian()
    {
        await using var viewer = await fx.OpenViewerAsync("#lang=id&i=poverty_rate@kabupaten&z=5.3&c=113.2,-3.6");
        long withValue = await fx.Database.ScalarAsync<long>(
            "SELECT count(DISTINCT v.area_kode) FROM desagis.indicator_value v JOIN desagis.kabupaten k ON k.kode = v.area_kode WHERE v.indicator_code = 'poverty_rate'");
        long total = await fx.Database.ScalarAsync<long>("SELECT count(*) FROM desagis.kabupaten");
        var legend = await LegendTextAsync(viewer, "ada datanya");
        Assert.Contains("Persentase penduduk miskin (P0) (kabupaten/kota)", legend);
        Assert.Contains("Tahun: 2021", legend);
        Assert.Contains("Sumber: BPS P0 kab/kota (Kaggle ermila/klasifikasi-kemiskinan)", legend);
        Assert.Contains($"{withValue} dari {Grouped(total, '.')} kabupaten/kota ada datanya", legend);
        Assert.Contains("Tidak ada data", legend);

        // The map draws kabupaten (not villages) coloured by their own P0.
        var drawn = await viewer.RenderedFeaturesAsync("indicator-fill");
        var baritoKuala = drawn.First(f => f.GetProperty("properties").GetProperty("kode").GetString() == "63.04").GetProperty("properties");
        Assert.Equal(await fx.Database.ScalarAsync<double>("SELECT value FROM desagis.indicator_value WHERE indicator_code = 'poverty_rate' AND area_kode = '63.04'"),
            baritoKuala.GetProperty("value").GetDouble());
        Assert.Equal(2021, baritoKuala.GetProperty("year").GetInt32());
        Assert.Contains(drawn, f => f.GetProperty("properties").GetProperty("kode").GetString() == "52.03");
        Assert.Equal("none", await viewer.EvaluateAsync<string>(
            "() => window.desagis.map.getLayoutProperty(window.desagis.map.getStyle().layers.find(l => l.type === 'fill' && l['source-layer'] === 'village_indicators').id, 'visibility')"));
        await viewer.ScreenshotAsync(Shot("kabupaten-p0-id.png"));

        // A kabupaten's popup lists its figures with year and source.
        var (x, y) = await viewer.ScreenPointAsync(114.55, -2.95);
        await viewer.Page.Mouse.ClickAsync(x, y);
        var popup = viewer.Page.Locator(".area-popup");
        await popup.Locator("dd[data-indicator=poverty_rate]").WaitForAsync();
        var p0 = await popup.Locator("dd[data-indicator=poverty_rate]").InnerTextAsync();
        Assert.Contains("2021 · BPS P0 kab/kota", p0);
        Assert.Contains("Kabupaten Barito Kuala", await popup.InnerTextAsync());
        Assert.Empty(viewer.Errors);
    }

    [GeodataFact]
    public async Task The_village_IDM_shows_how_many_villages_have_data_and_popups_say_which_figures_are_the_kabupatens()
    {
        await using var viewer = await fx.OpenViewerAsync("#lang=en&i=idm_score@desa&z=10.2&c=116.55,-8.6");
        long withValue = await fx.Database.ScalarAsync<long>(
            "SELECT count(DISTINCT v.area_kode) FROM desagis.indicator_value v JOIN desagis.desa d ON d.kode = v.area_kode WHERE v.indicator_code = 'idm_score'");
        long total = await fx.Database.ScalarAsync<long>("SELECT count(*) FROM desagis.desa");
        var legend = await LegendTextAsync(viewer, "have data");
        Assert.Contains("Village Development Index score (village)", legend);
        Assert.Contains($"{withValue} of {Grouped(total, ',')} villages have data", legend);
        Assert.Contains("Source: Kemendesa IDM", legend);
        // The official IDM cut-offs are the classes, named by status.
        Assert.True(legend.Contains("Developing (Berkembang) (0.5989 – < 0.7072)"), legend);
        Assert.Equal("official", await viewer.Page.InputValueAsync("#indicator-classes"));

        // Villages without an IDM figure are drawn hatched, never in a class colour.
        Assert.NotEmpty(await viewer.RenderedFeaturesAsync("indicator-nodata"));
        Assert.Contains(await viewer.RenderedFeaturesAsync("indicator-fill"), f => f.GetProperty("properties").GetProperty("kode").GetString() == "52.03.02.2001");
        await viewer.ScreenshotAsync(Shot("village-idm-en.png"));

        // Several years: the legend follows the year chosen.
        await viewer.Page.SelectOptionAsync("#indicator-year", "2022");
        legend = await LegendTextAsync(viewer, "Year: 2022");
        Assert.Contains("Year: 2022", legend);
        Assert.Contains("iy=2022", await viewer.HashAsync());

        // Suwangi's popup: its own IDM with year and source, and the P0 that is really Lombok Timur's.
        var point = await fx.Database.ScalarAsync<string>("SELECT ST_X(centroid) || ',' || ST_Y(centroid) FROM desagis.desa WHERE kode = '52.03.02.2001'");
        var lonLat = point.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var (x, y) = await viewer.ScreenPointAsync(lonLat[0], lonLat[1]);
        await viewer.Page.Mouse.ClickAsync(x, y);
        var popup = viewer.Page.Locator(".village-popup");
        await popup.Locator("dd[data-indicator=poverty_rate]").WaitForAsync();
        Assert.Contains("Suwangi", await popup.InnerTextAsync());
        var idm = await popup.Locator("dd[data-indicator=idm_score]").InnerTextAsync();
        Assert.Contains("2024 · Kemendesa IDM", idm);
        Assert.Equal("false", await popup.Locator("dd[data-indicator=idm_score]").GetAttributeAsync("data-inherited"));
        var p0 = popup.Locator("dd[data-indicator=poverty_rate]");
        Assert.Equal("true", await p0.GetAttributeAsync("data-inherited"));
        Assert.Contains("(the figure of regency/city Kabupaten Lombok Timur, not of this village)", await p0.InnerTextAsync());
        await viewer.ScreenshotAsync(Shot("village-popup-en.png"));

        // The same in Bahasa Indonesia.
        await viewer.Page.ClickAsync("[data-lang=id]");
        await viewer.Page.WaitForFunctionAsync("() => document.querySelector('.village-popup dd[data-indicator=poverty_rate]').innerText.includes('bukan angka desa ini')");
        Assert.Contains("(angka kabupaten/kota Kabupaten Lombok Timur, bukan angka desa ini)", await p0.InnerTextAsync());
        Assert.Contains("ada datanya", await viewer.Page.InnerTextAsync("#legend-body"));
        await viewer.ScreenshotAsync(Shot("village-popup-id.png"));
        Assert.Empty(viewer.Errors);
    }
}
