using System.IO.Compression;
using System.Net;

namespace DesaGis.Integration.Tests.Export;

public class ExportPackageTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    [Fact]
    public async Task The_offline_package_holds_a_qgis_project_geopackage_mbtiles_a_pdf_map_and_a_readme_that_open()
    {
        using var response = await fixture.Client.GetAsync("/export/package?kecamatan_kode=63.04.01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var temp = ExternalTools.TempFolder();
        using (var zip = new ZipArchive(await response.Content.ReadAsStreamAsync()))
        {
            Assert.Equal(["README.txt", "kecamatan-63.04.01.gpkg", "kecamatan-63.04.01.mbtiles", "kecamatan-63.04.01.pdf", "kecamatan-63.04.01.qgs"],
                zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
            zip.ExtractToDirectory(temp.Path);
        }

        var layers = ExternalTools.Run("ogrinfo", "-so", temp.File("kecamatan-63.04.01.gpkg"));
        foreach (var layer in new[] { "village_indicators", "kecamatan", "kabupaten", "transmigration_areas", "programs", "layer_styles" })
            Assert.Contains(layer, layers);
        var villages = ExternalTools.Run("ogrinfo", "-so", temp.File("kecamatan-63.04.01.gpkg"), "village_indicators");
        Assert.Matches(@"Feature Count: 6\b", villages);
        Assert.Contains("ID[\"EPSG\",4326]", villages);
        var programs = ExternalTools.Run("ogrinfo", "-so", temp.File("kecamatan-63.04.01.gpkg"), "programs");
        Assert.Matches(@"Feature Count: 1\b", programs);

        var pdf = ExternalTools.Run("pdfinfo", temp.File("kecamatan-63.04.01.pdf"));
        Assert.Matches(@"Pages:\s+1\b", pdf);
        Assert.Contains("(A3)", pdf);

        var readme = await File.ReadAllTextAsync(temp.File("README.txt"));
        Assert.Contains("Kecamatan Marabahan", readme);
        Assert.Contains("village_indicators: 6 features", readme);
        Assert.Contains(".mbtiles  vector tiles", readme);

        // The MBTiles opens in GDAL as vector tiles and holds the villages of the area.
        var mbtiles = ExternalTools.Run("ogrinfo", "-ro", "-so", temp.File("kecamatan-63.04.01.mbtiles"));
        Assert.Contains("village_indicators", mbtiles);
        Assert.Contains("kecamatan", mbtiles);
    }

    [Fact]
    public async Task A_package_needs_an_area_and_a_known_region()
    {
        using var none = await fixture.Client.GetAsync("/export/package");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        using var unknown = await fixture.Client.GetAsync("/export/package?desa_kode=63.04.01.2999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
