using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using DesaGis.Core.Tiles;
using DesaGis.Integration.Tests.Ows;
using DesaGis.Testing;
using SkiaSharp;

namespace DesaGis.Integration.Tests.Export;

/// <summary>
/// The offline package as a QGIS or QField user gets it: a well-formed project that refers only to the package's own
/// files, a GeoPackage whose layer_styles GDAL reads, and — in Debian's QGIS itself — every layer valid and styled,
/// opening on the area with the villages in their poverty classes' colours.
/// </summary>
public class QgisPackageTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private const string Slug = "kecamatan-63.04.01";

    private async Task<TempFolder> PackageAsync()
    {
        using var response = await fixture.Client.GetAsync("/export/package?kecamatan_kode=63.04.01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var temp = ExternalTools.TempFolder();
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        zip.ExtractToDirectory(temp.Path);
        return temp;
    }

    [Fact]
    public async Task The_project_is_well_formed_and_refers_only_to_files_inside_the_package()
    {
        using var temp = await PackageAsync();
        var files = Directory.GetFiles(temp.Path).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(Slug + ".qgs", files);
        var doc = XDocument.Load(temp.File(Slug + ".qgs"));
        Assert.Equal("qgis", doc.Root!.Name.LocalName);

        var references = doc.Descendants("datasource").Select(e => e.Value)
            .Concat(doc.Descendants().Attributes("source").Select(a => a.Value)).ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            // "./file.gpkg|layername=x" or "type=mbtiles&url=./file.mbtiles": a file beside the project, nothing else.
            var path = reference.StartsWith("type=mbtiles&url=", StringComparison.Ordinal) ? reference["type=mbtiles&url=".Length..] : reference.Split('|')[0];
            Assert.StartsWith("./", path, StringComparison.Ordinal);
            Assert.DoesNotContain("..", path, StringComparison.Ordinal);
            Assert.Contains(path[2..], files);
        }
        Assert.Contains(references, r => r.Contains(".mbtiles", StringComparison.Ordinal));
        Assert.Contains(references, r => r.EndsWith("|layername=village_indicators", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Descendants().Attributes().Select(a => a.Value).Concat(doc.Descendants().Select(e => e.Value)),
            v => v.StartsWith("/tmp", StringComparison.Ordinal) || v.Contains("http://127.0.0.1", StringComparison.Ordinal) || v.StartsWith("file:", StringComparison.Ordinal));
        Assert.Equal("false", doc.Descendants("Absolute").Single().Value);

        // It opens on the area: the default view is the kecamatan's box (with a margin), in Web Mercator.
        var view = doc.Descendants("DefaultViewExtent").Single();
        var (x0, y0) = WebMercator.FromLonLat(ExportFixture.West, ExportFixture.South);
        var (x1, y1) = WebMercator.FromLonLat(ExportFixture.West + 2 * ExportFixture.Cell, ExportFixture.South + 3 * ExportFixture.Cell);
        double D(string n) => double.Parse((string)view.Attribute(n)!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(D("xmin"), x0 - (x1 - x0) * 0.2, x0);
        Assert.InRange(D("xmax"), x1, x1 + (x1 - x0) * 0.2);
        Assert.InRange(D("ymin"), y0 - (y1 - y0) * 0.2, y0);
        Assert.InRange(D("ymax"), y1, y1 + (y1 - y0) * 0.2);
    }

    [Fact]
    public async Task GDAL_reads_the_QGIS_styles_the_GeoPackage_carries()
    {
        using var temp = await PackageAsync();
        var gpkg = temp.File(Slug + ".gpkg");
        Assert.Contains("layer_styles (None)", ExternalTools.Run("ogrinfo", "-ro", gpkg));
        var styles = ExternalTools.Run("ogrinfo", "-ro", "-q", gpkg, "-sql", "SELECT f_table_name, f_geometry_column, styleName, useAsDefault, length(styleQML) AS qml FROM layer_styles ORDER BY f_table_name");
        foreach (var layer in new[] { "village_indicators", "kecamatan", "kabupaten", "transmigration_areas", "programs" })
            Assert.Contains($"f_table_name (String) = {layer}", styles);
        Assert.Contains("styleName (String) = desagis", styles);
        Assert.DoesNotContain("useAsDefault (Integer(Boolean)) = 0", styles);

        var qml = ExternalTools.Run("ogrinfo", "-ro", "-q", gpkg, "-sql", "SELECT styleQML FROM layer_styles WHERE f_table_name = 'village_indicators'");
        var xml = qml[qml.IndexOf("<!DOCTYPE", StringComparison.Ordinal)..].Trim();
        xml = xml[..(xml.LastIndexOf("</qgis>", StringComparison.Ordinal) + "</qgis>".Length)];
        var doc = XDocument.Parse(xml);
        var rules = doc.Descendants("rule").Where(r => r.Attribute("symbol") is not null).Select(r => (string?)r.Attribute("filter")).ToList();
        // One rule per poverty class of the style, and one for villages without a figure.
        Assert.Contains("\"poverty_rate\" IS NULL", rules);
        Assert.Contains(rules, r => r?.StartsWith("\"poverty_rate\" >= 30", StringComparison.Ordinal) == true);
        Assert.Equal("nama", (string?)doc.Descendants("text-style").Single().Attribute("fieldName"));
    }

    [QgisFact]
    public async Task QGIS_opens_the_project_with_every_layer_styled_and_draws_the_poverty_classes()
    {
        using var temp = await PackageAsync();
        var png = temp.File("qgis.png");
        var result = await RunQgisAsync(temp.File(Slug + ".qgs"), png);
        Assert.True(result.GetProperty("read").GetBoolean());
        Assert.Equal("EPSG:3857", result.GetProperty("crs").GetString());
        var layers = result.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(6, layers.Count);
        Assert.All(layers, l => Assert.True(l.GetProperty("valid").GetBoolean(), l.GetProperty("name").GetString()));
        var villages = layers.Single(l => l.GetProperty("source").GetString()!.EndsWith("|layername=village_indicators", StringComparison.Ordinal));
        Assert.Equal("RuleRenderer", villages.GetProperty("renderer").GetString());
        Assert.True(villages.GetProperty("labels").GetBoolean());
        Assert.Contains(layers, l => l.GetProperty("type").GetInt32() == 4 && l.GetProperty("styles").GetInt32() > 0);
        // The GeoPackage on its own opens styled too (QGIS reads layer_styles).
        Assert.Equal("RuleRenderer", result.GetProperty("geopackage_default_style").GetString());
        Assert.Empty(result.GetProperty("errors").EnumerateArray());
        Assert.True(result.GetProperty("labels").GetInt32() >= 6, "QGIS should write each of the six village names");

        // Each village's class colour is in the picture, as the style composites it over the project's background.
        using var image = SKBitmap.Decode(png);
        var style = DesaGis.Rendering.Styles.MapStyle.Load(Path.Combine(ExportServer.StylesDirectory, "desagis.json"));
        var background = StyleColours.Background(style);
        var extent = result.GetProperty("extent").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double zoom = Math.Log2(WebMercator.WorldSize / (512 * (extent[2] - extent[0]) / image.Width));
        // Villages 2–5 of Marabahan (0 and 1 lie under a programme, which the basemap tints): village i is the 0.05° square
        // in column i % 2, row i / 2 of the kecamatan; each is sampled left of its centre, away from its name.
        for (int i = 2; i < 6; i++)
        {
            double lon = ExportFixture.West + (i % 2 + 0.3) * ExportFixture.Cell, lat = ExportFixture.South + (i / 2 + 0.5) * ExportFixture.Cell;
            var (x, y) = WebMercator.FromLonLat(lon, lat);
            int px = (int)((x - extent[0]) / (extent[2] - extent[0]) * image.Width);
            int py = (int)((extent[3] - y) / (extent[3] - extent[1]) * image.Height);
            StyleColours.Near(StyleColours.VillageFill(ExportFixture.PovertyRates[i], zoom, background, style), image.GetPixel(px, py), tolerance: 6,
                where: $"village {ExportFixture.VillageCode(i)} at ({px},{py})");
        }
    }

    private static async Task<JsonElement> RunQgisAsync(string project, string png)
    {
        var psi = new ProcessStartInfo(Qgis.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        psi.ArgumentList.Add(RepositoryPaths.Combine("scripts", "qgis-open-package.py"));
        psi.ArgumentList.Add(project);
        psi.ArgumentList.Add(png);
        psi.ArgumentList.Add("1200");
        psi.ArgumentList.Add("900");
        psi.Environment["QT_QPA_PLATFORM"] = "offscreen";
        psi.Environment["XDG_RUNTIME_DIR"] = Path.GetTempPath();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("QGIS's python could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"QGIS failed ({process.ExitCode}):\n{await stderr}\n{output}");
        var line = output.Split('\n').Last(l => l.TrimStart().StartsWith('{'));
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
