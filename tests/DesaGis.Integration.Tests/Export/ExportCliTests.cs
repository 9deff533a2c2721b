using System.Diagnostics;

namespace DesaGis.Integration.Tests.Export;

public class ExportCliTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private (int ExitCode, string Output, string Error) Cli(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "desagis.dll"), .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DESAGIS_DATABASE"] = fixture.Database.ConnectionString;
        start.Environment["DESAGIS_STYLES"] = ExportServer.StylesDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Export_map_writes_an_atlas_pdf_with_a_page_per_village()
    {
        using var temp = ExternalTools.TempFolder();
        var (code, output, error) = Cli(temp.Path, "export", "map", "--kecamatan", "63.04.01", "--atlas", "-o", "atlas.pdf");
        Assert.True(code == 0, error);
        Assert.Contains("7 pages", output);
        Assert.Matches(@"Pages:\s+7\b", ExternalTools.Run("pdfinfo", temp.File("atlas.pdf")));
    }

    [Fact]
    public void Export_data_writes_a_geopackage_that_gdal_opens()
    {
        using var temp = ExternalTools.TempFolder();
        var (code, output, error) = Cli(temp.Path, "export", "data", "village_indicators", "--format", "gpkg", "--kabupaten", "63.04");
        Assert.True(code == 0, error);
        Assert.Contains("12 features", output);
        var info = ExternalTools.Run("ogrinfo", "-so", "-al", temp.File("village_indicators_kabupaten-63.04.gpkg"));
        Assert.Matches(@"Feature Count: 12\b", info);
    }

    [Fact]
    public void Bad_options_exit_with_code_2_and_say_why()
    {
        using var temp = ExternalTools.TempFolder();
        var (code, _, error) = Cli(temp.Path, "export", "map", "--kabupaten", "63.04", "--dpi", "1000");
        Assert.Equal(2, code);
        Assert.Contains("dpi", error);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
