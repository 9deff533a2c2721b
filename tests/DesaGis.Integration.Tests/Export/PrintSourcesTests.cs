using System.Net;
using DesaGis.Data.Demo;
using DesaGis.Integration.Tests.Demo;
using DesaGis.Data.Import;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Export;

/// <summary>
/// The sources line of a printed map names where what it shows comes from, read from the data: the synthetic demo
/// says it is synthetic and credits no agency; a real regency names its boundary files and the sources and years of
/// the village figures drawn, and not the figures it does not draw.
/// </summary>
public sealed class PrintSourcesTests : IAsyncLifetime
{
    private readonly PostgisDatabase _synthetic = new();
    private readonly PostgisDatabase _real = new();

    public async Task InitializeAsync()
    {
        await _synthetic.InitializeAsync();
        await _real.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _synthetic.DisposeAsync();
        await _real.DisposeAsync();
    }

    private static async Task<string> PrintedTextAsync(PostgisDatabase db, string query)
    {
        await using var server = new DesaGisServer(db);
        using var client = await server.CreateReadyClientAsync();
        using var response = await client.GetAsync("/export/map?format=pdf&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var temp = ExternalTools.TempFolder();
        var pdf = temp.File("map.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        return ExternalTools.Run("pdftotext", pdf, "-");
    }

    /// <summary>The footer's lines from "Sumber data:" on, joined (pdftotext may wrap them).</summary>
    private static string Footer(string text)
    {
        int at = text.IndexOf("Sumber data:", StringComparison.Ordinal);
        Assert.True(at >= 0, "The page has no sources line:\n" + text);
        return string.Join(" ", text[at..].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_synthetic_map_says_it_is_synthetic_and_credits_no_agency()
    {
        using var dir = new TempDirectory();
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(11, 150)), dir.Path);
        await DemoLoader.LoadAsync(_synthetic.DataSource, dir.Path);
        var kabupaten = await _synthetic.ScalarAsync<string>("SELECT min(kode) FROM desagis.kabupaten");

        var footer = Footer(await PrintedTextAsync(_synthetic, "kabupaten_kode=" + kabupaten));
        Assert.Contains("Batas wilayah: data contoh sintetis DesaGis (bukan batas resmi)", footer);
        Assert.Matches(@"Angka desa: DesaGis data sintetis \(seed 11\) \(20\d\d", footer);
        Assert.DoesNotContain("BPS", footer);
        Assert.DoesNotContain("Kemendesa", footer);
        Assert.DoesNotContain("Kepmendagri", footer);
    }

    [GeodataFact]
    public async Task A_real_map_names_its_boundary_files_and_the_sources_of_the_figures_it_draws()
    {
        var importer = new Importer(_real.DataSource);
        foreach (var step in SharedGeodataPlan.Steps(SharedGeodata.Directory!)) await importer.ImportAsync(step.Request);

        var footer = Footer(await PrintedTextAsync(_real, "kabupaten_kode=52.03"));
        Assert.Contains("desa_5203_lombok_timur.geojson", footer);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(footer, @"Angka desa: Kemendesa IDM \(20\d\d"), footer);
        // The kabupaten P0 is not drawn on this map, and nothing here is synthetic.
        Assert.DoesNotContain("BPS P0", footer);
        Assert.DoesNotContain("sintetis", footer);
    }
}
