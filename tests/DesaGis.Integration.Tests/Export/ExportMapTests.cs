using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;

namespace DesaGis.Integration.Tests.Export;

public class ExportMapTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_kabupaten_pdf_is_one_A3_page_that_shows_the_poverty_choropleth()
    {
        using var response = await _client.GetAsync("/export/map?kabupaten_kode=63.04&paper=a3&orientation=landscape&format=pdf&title=Peta%20Kemiskinan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("peta_kabupaten-63.04.pdf", response.Content.Headers.ContentDisposition?.ToString());
        using var temp = ExternalTools.TempFolder();
        var pdf = temp.File("map.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

        var info = ExternalTools.Run("pdfinfo", pdf);
        Assert.Matches(@"Pages:\s+1\b", info);
        Assert.Matches(@"Page size:\s+119\d\.\d+ x 84\d\.\d+ pts \(A3\)", info);
        Assert.Contains("Peta Kemiskinan", info); // the title is the PDF's title too

        ExternalTools.Run("pdftoppm", "-png", "-r", "40", "-singlefile", pdf, temp.File("page"));
        using var page = SKBitmap.Decode(temp.File("page.png"));
        Assert.True(NonWhiteShare(page) > 0.25, "The rendered page is (nearly) blank.");
        // Each poverty class of the viewer style, drawn at fill-opacity 0.85 over its background (#eef3f6).
        foreach (var hex in new[] { "#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026", "#d9d9d9" })
            Assert.True(CountNear(page, Blend(hex)) > 50, $"The class colour {hex} is missing from the page.");
    }

    [Fact]
    public async Task The_text_on_the_page_carries_the_title_names_and_legend()
    {
        using var response = await _client.GetAsync("/export/map?kecamatan_kode=63.04.01&format=pdf");
        response.EnsureSuccessStatusCode();
        using var temp = ExternalTools.TempFolder();
        var pdf = temp.File("map.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        var text = ExternalTools.Run("pdftotext", "-layout", pdf, "-");
        Assert.Contains("Kecamatan Marabahan", text);
        Assert.Contains("Kabupaten Barito Kuala", text);
        Assert.Contains("Pulau Sugara'", text); // a village label, apostrophe and all
        Assert.Contains("Legenda", text);
        Assert.Contains("Poverty rate (P0, %)", text); // the legend of styles/desagis.json
        Assert.Contains("30 % and more", text);
        Assert.Contains("Skala 1 :", text);
    }

    [Fact]
    public async Task An_atlas_has_an_overview_page_and_one_page_per_village_of_the_kecamatan()
    {
        using var response = await _client.GetAsync("/export/map?kecamatan_kode=63.04.02&atlas=true&paper=a4&orientation=portrait");
        response.EnsureSuccessStatusCode();
        using var temp = ExternalTools.TempFolder();
        var pdf = temp.File("atlas.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Matches(@"Pages:\s+7\b", ExternalTools.Run("pdfinfo", pdf));
        var lastPage = ExternalTools.Run("pdftotext", "-f", "7", "-l", "7", pdf, "-");
        Assert.Contains("Desa Anjir Serapat", lastPage);
        Assert.Contains("63.04.02.2006", lastPage);
    }

    [Fact]
    public async Task A_scenario_atlas_has_an_overview_page_and_a_page_per_pilot_village()
    {
        using var response = await _client.GetAsync($"/export/map?scenario_id={fixture.ScenarioId}&atlas=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var temp = ExternalTools.TempFolder();
        var pdf = temp.File("scenario.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Matches(@"Pages:\s+3\b", ExternalTools.Run("pdfinfo", pdf));
        var first = ExternalTools.Run("pdftotext", "-f", "1", "-l", "1", pdf, "-");
        Assert.Contains("Skenario: Pilot Barito Kuala 2026", first);
        Assert.Contains("2 desa pilot, 4 desa dalam skenario", first);
        var pilots = ExternalTools.Run("pdftotext", "-f", "2", "-l", "3", pdf, "-");
        Assert.Contains("Desa Ulu Benteng", pilots);   // village 4
        Assert.Contains("Desa Bahalayung", pilots);    // village 9
    }

    [Fact]
    public async Task An_unknown_scenario_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/export/map?scenario_id=987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_png_has_the_paper_size_at_the_requested_dpi_and_is_not_blank()
    {
        using var response = await _client.GetAsync($"/export/map?desa_kode={ExportFixture.VillageCode(4)}&format=png&dpi=100&paper=a4&orientation=portrait");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var png = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((827, 1169), (png.Width, png.Height)); // 210 × 297 mm at 100 dpi
        Assert.True(CountNear(png, Blend("#bd0026")) > 500, "The village (35 %) is not drawn in the top class colour.");
    }

    [Fact]
    public async Task Post_takes_the_same_parameters_as_json()
    {
        using var response = await _client.PostAsJsonAsync("/export/map",
            new { bbox = new[] { 114.6, -3.1, 114.7, -3.0 }, format = "png", dpi = 96, title = "Area uji", overview = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var png = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((1123, 794), (png.Width, png.Height)); // A4 landscape at 96 dpi
    }

    [Theory]
    [InlineData("/export/map", "area")]
    [InlineData("/export/map?kabupaten_kode=63.04&kecamatan_kode=63.04.01", "exactly one")]
    [InlineData("/export/map?kabupaten_kode=abc", "kabupaten code")]
    [InlineData("/export/map?kabupaten_kode=63.04.01", "kabupaten code")]
    [InlineData("/export/map?bbox=1,2,3", "four numbers")]
    [InlineData("/export/map?bbox=114,-3,200,-2", "longitude/latitude")]
    [InlineData("/export/map?bbox=95,-11,141,6", "at most 15")]
    [InlineData("/export/map?kabupaten_kode=63.04&paper=a5", "a4 or a3")]
    [InlineData("/export/map?kabupaten_kode=63.04&orientation=sideways", "portrait or landscape")]
    [InlineData("/export/map?kabupaten_kode=63.04&dpi=600", "96 to 300")]
    [InlineData("/export/map?kabupaten_kode=63.04&dpi=abc", "96 to 300")]
    [InlineData("/export/map?kabupaten_kode=63.04&format=svg", "pdf or png")]
    [InlineData("/export/map?kabupaten_kode=63.04&format=png&atlas=true", "format=pdf")]
    [InlineData("/export/map?kabupaten_kode=63.04&atlas=maybe", "true or false")]
    public async Task Bad_parameters_are_answered_with_400_problem_details(string url, string hint)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:desagis:problem:invalid-parameter", json.RootElement.GetProperty("type").GetString());
        Assert.Contains(hint, json.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_is_a_400()
    {
        using var response = await _client.PostAsync("/export/map", new StringContent("[1,2]", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_region_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/export/map?kecamatan_kode=63.04.99");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("63.04.99", await response.Content.ReadAsStringAsync());
    }

    private static SKColor Blend(string hex)
    {
        var c = SKColor.Parse(hex);
        var paper = SKColor.Parse("#eef3f6");
        static byte Mix(byte a, byte b) => (byte)Math.Round(a * 0.85 + b * 0.15);
        return new SKColor(Mix(c.Red, paper.Red), Mix(c.Green, paper.Green), Mix(c.Blue, paper.Blue));
    }

    private static int CountNear(SKBitmap bitmap, SKColor color, int tolerance = 8)
    {
        int n = 0;
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - color.Red) <= tolerance && Math.Abs(p.Green - color.Green) <= tolerance && Math.Abs(p.Blue - color.Blue) <= tolerance) n++;
            }
        return n;
    }

    private static double NonWhiteShare(SKBitmap bitmap)
    {
        long n = 0;
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red + p.Green + p.Blue < 720) n++;
            }
        return n / (double)(bitmap.Width * bitmap.Height);
    }
}
