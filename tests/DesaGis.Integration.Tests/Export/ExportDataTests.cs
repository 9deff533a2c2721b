using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using DesaGis.Data.Export;

namespace DesaGis.Integration.Tests.Export;

public class ExportDataTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<byte[]> DownloadAsync(string url, string mediaType)
    {
        using var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_geopackage_opens_in_gdal_with_the_kabupatens_villages_in_wgs84()
    {
        var bytes = await DownloadAsync("/export/data/village_indicators?format=gpkg&kabupaten_kode=63.04", "application/geopackage+sqlite3");
        using var temp = ExternalTools.TempFolder();
        var path = temp.File("villages.gpkg");
        await File.WriteAllBytesAsync(path, bytes);
        var info = ExternalTools.Run("ogrinfo", "-so", "-al", path);
        Assert.Contains("Layer name: village_indicators", info);
        Assert.Contains("Geometry: Multi Polygon", info);
        Assert.Matches(@"Feature Count: 12\b", info); // not the two villages of the neighbouring kabupaten
        Assert.Contains("ID[\"EPSG\",4326]", info);
        Assert.Contains("poverty_rate: Real", info);
        Assert.Contains("population: Integer", info);

        var row = ExternalTools.Run("ogrinfo", "-ro", "-q", path, "-sql", "SELECT nama, poverty_rate FROM village_indicators WHERE kode = '63.04.01.2006'");
        Assert.Contains("Pulau Sugara'", row);
        Assert.Contains("poverty_rate (Real) = 8", row);
    }

    [Fact]
    public async Task The_shapefile_zip_has_prj_cpg_and_short_unique_field_names_and_opens_in_gdal()
    {
        var bytes = await DownloadAsync("/export/data/village_indicators?format=shp&kecamatan_kode=63.04.01", "application/zip");
        using var temp = ExternalTools.TempFolder();
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            var names = zip.Entries.Select(e => e.Name).ToList();
            foreach (var ext in new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" })
                Assert.Contains("village_indicators" + ext, names);
            zip.ExtractToDirectory(temp.Path);
        }
        Assert.Contains("WGS_1984", await File.ReadAllTextAsync(temp.File("village_indicators.prj")));
        Assert.Equal("UTF-8", (await File.ReadAllTextAsync(temp.File("village_indicators.cpg"))).Trim());

        var info = ExternalTools.Run("ogrinfo", "-so", "-al", temp.File("village_indicators.shp"));
        Assert.Matches(@"Feature Count: 6\b", info);
        Assert.Contains("WGS 84", info);
        var fields = info.Split('\n').Where(l => l.Contains(": ") && (l.Contains("String") || l.Contains("Integer") || l.Contains("Real") || l.Contains("Date")))
            .Select(l => l.Split(':')[0].Trim()).ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.InRange(f.Length, 1, 10));
        Assert.Equal(fields.Count, fields.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("extreme_po", fields);
        Assert.Contains("extreme_p1", fields);
        // The mapping back to the full names travels with the files.
        Assert.Contains("extreme_p1,extreme_poor_households", await File.ReadAllTextAsync(temp.File("village_indicators_fields.csv")));
    }

    [Fact]
    public async Task The_kml_styles_villages_by_poverty_class_and_opens_in_gdal()
    {
        var bytes = await DownloadAsync("/export/data/village_indicators?format=kml&kabupaten_kode=63.04", "application/vnd.google-earth.kml+xml");
        var kml = XDocument.Load(new MemoryStream(bytes));
        XNamespace ns = "http://www.opengis.net/kml/2.2";
        var placemarks = kml.Descendants(ns + "Placemark").ToList();
        Assert.Equal(12, placemarks.Count);
        string StyleOf(string name) => placemarks.Single(p => p.Element(ns + "name")!.Value == name).Element(ns + "styleUrl")!.Value;
        Assert.Equal("#p30", StyleOf("Ulu Benteng"));     // 35 %
        Assert.Equal("#p5-10", StyleOf("Sungai Ulin"));   // 5 %
        Assert.Equal("#p0-5", StyleOf("Simpang Arja"));   // 3 %
        Assert.Equal("#nodata", StyleOf("Handil Bakti")); // no figures
        var p30 = kml.Descendants(ns + "Style").Single(s => (string?)s.Attribute("id") == "p30");
        Assert.Equal("bf2600bd", p30.Element(ns + "PolyStyle")!.Element(ns + "color")!.Value); // #bd0026 in aabbggrr

        using var temp = ExternalTools.TempFolder();
        var path = temp.File("villages.kml");
        await File.WriteAllBytesAsync(path, bytes);
        var info = ExternalTools.Run("ogrinfo", "-so", "-al", path);
        Assert.Matches(@"Feature Count: 12\b", info);
        Assert.Contains("WGS 84", info);
    }

    [Fact]
    public async Task The_gpx_has_a_waypoint_inside_each_village()
    {
        var bytes = await DownloadAsync("/export/data/village_indicators?format=gpx&kecamatan_kode=63.04.02", "application/gpx+xml");
        using var temp = ExternalTools.TempFolder();
        var path = temp.File("villages.gpx");
        await File.WriteAllBytesAsync(path, bytes);
        var info = ExternalTools.Run("ogrinfo", "-ro", "-q", path, "waypoints");
        Assert.Equal(6, info.Split('\n').Count(l => l.Contains("POINT (")));
        Assert.Contains("name (String) = Anjir Serapat", info);
        var gpx = XDocument.Load(new MemoryStream(bytes));
        XNamespace ns = "http://www.topografix.com/GPX/1/1";
        foreach (var wpt in gpx.Descendants(ns + "wpt"))
        {
            double lon = (double)wpt.Attribute("lon")!, lat = (double)wpt.Attribute("lat")!;
            Assert.InRange(lon, ExportFixture.West + 2 * ExportFixture.Cell, ExportFixture.West + 4 * ExportFixture.Cell); // Tabukan's columns
            Assert.InRange(lat, ExportFixture.South, ExportFixture.South + 3 * ExportFixture.Cell);
        }
    }

    [Fact]
    public async Task GeoJson_filtered_by_bbox_holds_only_the_features_in_the_box()
    {
        // The south-west 0.1° × 0.05°: two villages of the bottom row of Marabahan (the box's edges touch others).
        var bytes = await DownloadAsync("/export/data/village_indicators?format=geojson&bbox=114.61,-3.09,114.69,-3.06", "application/geo+json");
        using var json = JsonDocument.Parse(bytes);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["Sungai Ulin", "Tamban Catur"], features.Select(f => f.GetProperty("properties").GetProperty("nama").GetString()).Order());
        Assert.Equal("MultiPolygon", features[0].GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Csv_with_centroids_has_lon_lat_columns_and_one_row_per_feature()
    {
        var bytes = await DownloadAsync("/export/data/village_indicators?format=csv&geometry=centroid&kabupaten_kode=63.04", "text/csv");
        var lines = System.Text.Encoding.UTF8.GetString(bytes).TrimEnd().Split("\r\n");
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("kode,kode10,nama,", lines[0]);
        Assert.EndsWith(",lon,lat", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("63.04.01.2006,6304012006,Pulau Sugara',", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_with_wkt_carries_the_polygons()
    {
        var bytes = await DownloadAsync("/export/data/kecamatan?format=csv&kabupaten_kode=63.04", "text/csv");
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.EndsWith(",wkt", text.Split("\r\n")[0]);
        Assert.Equal(2, text.Split("\r\n").Count(l => l.Contains("\"MULTIPOLYGON (((")));
    }

    [Fact]
    public async Task Layers_without_a_code_column_are_filtered_by_the_region_boundary()
    {
        var bytes = await DownloadAsync("/export/data/transmigration_areas?format=geojson&kecamatan_kode=63.04.02", "application/geo+json");
        using var json = JsonDocument.Parse(bytes);
        Assert.Single(json.RootElement.GetProperty("features").EnumerateArray());
        bytes = await DownloadAsync("/export/data/transmigration_areas?format=geojson&kecamatan_kode=63.04.01", "application/geo+json");
        using var none = JsonDocument.Parse(bytes);
        Assert.Empty(none.RootElement.GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task A_scenario_id_keeps_only_that_scenarios_features_of_a_layer_that_has_one()
    {
        // A layer shaped like the planner's scenario layers, in a table this test owns.
        await fixture.Database.ExecuteAsync("""
            CREATE TABLE desagis.test_scenario_points (id text PRIMARY KEY, scenario_id bigint, nama text, geom geometry(Point, 4326));
            INSERT INTO desagis.test_scenario_points VALUES
              ('1:a', 1, 'Sungai Ulin', ST_SetSRID(ST_MakePoint(114.62, -3.08), 4326)),
              ('1:b', 1, 'Lepasan', ST_SetSRID(ST_MakePoint(114.72, -3.02), 4326)),
              ('2:a', 2, 'Bahalayung', ST_SetSRID(ST_MakePoint(114.77, -3.02), 4326));
            """);
        var layer = new Core.Layers.LayerDefinition
        {
            Id = "test_scenario_points", Title = "Scenario points", Description = "test", Relation = "test_scenario_points",
            IdColumn = "id", GeometryKind = Core.Layers.GeometryKind.Point,
            Properties =
            [
                new("scenario_id", "scenario_id", Core.Layers.PropertyType.Integer, "Scenario"),
                new("nama", "nama", Core.Layers.PropertyType.String, "Name"),
            ],
        };
        var reader = new LayerFeatureReader(fixture.Database.DataSource);
        var one = await reader.ReadAsync(layer, null, 0, CancellationToken.None, scenarioId: 1);
        Assert.Equal(["Lepasan", "Sungai Ulin"], one.Features.Select(f => (string)f["nama"]!).Order());
        var inKecamatan = await reader.ReadAsync(layer, Core.Mapping.ExportArea.ForRegion(Core.Codes.KemendagriCode.Parse("63.04.01")), 0,
            CancellationToken.None, scenarioId: 1);
        Assert.Equal("Sungai Ulin", Assert.Single(inKecamatan.Features)["nama"]);
    }

    [Fact]
    public async Task A_scenario_id_on_other_collections_exports_the_scenarios_villages()
    {
        var bytes = await DownloadAsync($"/export/data/village_indicators?format=geojson&scenario_id={fixture.ScenarioId}", "application/geo+json");
        using var json = JsonDocument.Parse(bytes);
        var names = json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("nama").GetString());
        Assert.Equal(["Bahalayung", "Pulau Sugara'", "Simpang Arja", "Ulu Benteng"], names.Order());
    }

    [Theory]
    [InlineData("/export/data/village_indicators", 400, "format=")]
    [InlineData("/export/data/village_indicators?format=dxf", 400, "geojson, csv, gpkg")]
    [InlineData("/export/data/village_indicators?format=csv&geometry=hex", 400, "wkt or centroid")]
    [InlineData("/export/data/village_indicators?format=csv&kabupaten_kode=6", 400, "kabupaten code")]
    [InlineData("/export/data/nope?format=csv", 404, "Known collections")]
    [InlineData("/export/data/village_indicators?format=csv&scenario_id=abc", 400, "positive whole number")]
    [InlineData("/export/data/village_indicators?format=csv&scenario_id=3&kabupaten_kode=63.04", 400, "exactly one")]
    public async Task Bad_requests_get_problem_details(string url, int status, string hint)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(hint, await response.Content.ReadAsStringAsync());
    }
}
