using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DesaGis.Core.Ogc;
using DesaGis.Data.Catalog;
using DesaGis.Integration.Tests.Features;
using SkiaSharp;
using static DesaGis.Integration.Tests.Ows.OwsXmlAssert;

namespace DesaGis.Integration.Tests.Ows;

/// <summary>
/// The WMS at /wms against the real server on a real port: what QGIS, ArcGIS, GDAL and SDI portals see. The grid
/// fixture has 0.01° villages; 63.04.01.2001 is the square 114.40–114.41 E, 3.30–3.29 S.
/// </summary>
public partial class WmsTests(FeaturesFixture f) : IClassFixture<FeaturesFixture>
{
    private static readonly SKColor White = SKColors.White;

    [Fact]
    public async Task Capabilities_list_every_public_layer_with_its_box_crs_and_style()
    {
        var doc = await GetXmlAsync(f.Client, "/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        var root = doc.Root!;
        Assert.Equal(Wms + "WMS_Capabilities", root.Name);
        Assert.Equal("1.3.0", (string?)root.Attribute("version"));
        var named = root.Descendants(Wms + "Layer").Where(l => l.Element(Wms + "Name") is not null).ToList();
        var expected = LayerCatalog.Default.Layers.Where(l => l.RequiredRole is null).Select(l => l.Id).ToList();
        Assert.Equal(expected, named.Select(l => l.Element(Wms + "Name")!.Value).ToList());

        var crs = root.Descendants(Wms + "CRS").Select(c => c.Value).ToList();
        foreach (var name in new[] { "CRS:84", "EPSG:4326", "EPSG:3857", "EPSG:32750", "EPSG:32650" }) Assert.Contains(name, crs);

        // The box is the data's: the grid villages of both regencies (the antimeridian villages have no indicators).
        var villages = named.Single(l => l.Element(Wms + "Name")!.Value == "villages");
        var geo = villages.Element(Wms + "EX_GeographicBoundingBox")!;
        double D(string n) => double.Parse(geo.Element(Wms + n)!.Value, CultureInfo.InvariantCulture);
        var (x0, y0, x1, y1) = await ExtentAsync("SELECT ST_Extent(geom) FROM desagis.desa");
        Assert.Equal(x0, D("westBoundLongitude"), 5);
        Assert.Equal(y0, D("southBoundLatitude"), 5);
        Assert.Equal(x1, D("eastBoundLongitude"), 5);
        Assert.Equal(y1, D("northBoundLatitude"), 5);
        // EPSG:4326 in WMS 1.3.0 is latitude first.
        var epsg4326 = villages.Elements(Wms + "BoundingBox").Single(b => (string?)b.Attribute("CRS") == "EPSG:4326");
        Assert.Equal(y0, double.Parse((string)epsg4326.Attribute("minx")!, CultureInfo.InvariantCulture), 5);
        Assert.Equal(x0, double.Parse((string)epsg4326.Attribute("miny")!, CultureInfo.InvariantCulture), 5);

        var indicators = named.Single(l => l.Element(Wms + "Name")!.Value == "village_indicators");
        var style = indicators.Element(Wms + "Style")!;
        Assert.Equal("desagis", style.Element(Wms + "Name")!.Value);
        var legend = style.Element(Wms + "LegendURL")!;
        Assert.Contains("REQUEST=GetLegendGraphic", (string)legend.Element(Wms + "OnlineResource")!.Attribute(XName.Get("href", "http://www.w3.org/1999/xlink"))!);
        Assert.Equal("1", (string?)indicators.Attribute("queryable"));
    }

    [Fact]
    public async Task WMS_1_1_1_capabilities_name_SRS_with_longitude_first_boxes()
    {
        using var response = await f.Client.GetAsync("/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetCapabilities");
        Assert.Equal("application/vnd.ogc.wms_xml", response.Content.Headers.ContentType?.MediaType);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("WMT_MS_Capabilities", root.Name.LocalName);
        var layer = root.Descendants("Layer").Single(l => (string?)l.Element("Name") == "villages");
        var box = layer.Elements("BoundingBox").Single(b => (string?)b.Attribute("SRS") == "EPSG:4326");
        var (x0, _, _, _) = await ExtentAsync("SELECT ST_Extent(geom) FROM desagis.desa");
        Assert.Equal(x0, double.Parse((string)box.Attribute("minx")!, CultureInfo.InvariantCulture), 5);
        Assert.Contains(root.Descendants("SRS"), s => s.Value == "EPSG:32750");
    }

    [Fact]
    public async Task GetMap_draws_each_village_in_the_colour_the_style_gives_its_poverty_class()
    {
        // 25 villages at 100 pixels each; each is sampled at a quarter of its width in from its lower-left corner,
        // away from borders and names.
        var bytes = await GetMapAsync("VERSION=1.3.0&LAYERS=village_indicators&STYLES=&CRS=CRS:84&BBOX=114.40,-3.30,114.45,-3.25&WIDTH=500&HEIGHT=500&FORMAT=image/png");
        using var image = SKBitmap.Decode(bytes);
        Assert.Equal(500, image.Width);
        double zoom = MapScale.Zoom(new DesaGis.Core.BoundingBox(114.40, -3.30, 114.45, -3.25), 500, DesaGis.Core.Features.CrsRegistry.Crs84);
        for (int col = 0; col < 5; col++)
        {
            for (int row = 0; row < 5; row++)
            {
                var kode = $"63.04.01.{2001 + row * 15 + col}";
                var rate = await RateAsync(kode);
                var pixel = image.GetPixel(col * 100 + 25, 500 - (row * 100 + 25));
                StyleColours.Near(StyleColours.VillageFill(rate, zoom, White), pixel, where: $"{kode} (poverty {rate?.ToString(CultureInfo.InvariantCulture) ?? "no data"})");
            }
        }
    }

    [Fact]
    public async Task EPSG_4326_boxes_are_latitude_first_in_1_3_0_and_longitude_first_in_1_1_1()
    {
        var crs84 = await GetMapAsync("VERSION=1.3.0&LAYERS=village_indicators,kecamatan&CRS=CRS:84&BBOX=114.40,-3.30,114.45,-3.25&WIDTH=256&HEIGHT=256&FORMAT=image/png");
        var epsg130 = await GetMapAsync("VERSION=1.3.0&LAYERS=village_indicators,kecamatan&CRS=EPSG:4326&BBOX=-3.30,114.40,-3.25,114.45&WIDTH=256&HEIGHT=256&FORMAT=image/png");
        var epsg111 = await GetMapAsync("VERSION=1.1.1&LAYERS=village_indicators,kecamatan&SRS=EPSG:4326&BBOX=114.40,-3.30,114.45,-3.25&WIDTH=256&HEIGHT=256&FORMAT=image/png");
        Assert.Equal(crs84, epsg130);
        Assert.Equal(crs84, epsg111);
        // The same box in the wrong order lies outside the world and is refused, not drawn empty.
        await GetExceptionAsync(f.Client, "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=villages&CRS=EPSG:4326&BBOX=114.40,-3.30,114.45,-3.25&WIDTH=256&HEIGHT=256&FORMAT=image/png",
            400, "InvalidParameterValue");
    }

    [Fact]
    public async Task A_UTM_map_draws_a_village_where_PostGIS_projects_it()
    {
        // The centre of village 63.04.01.2020 in UTM 50S, by PostGIS; a 2 km box around it at 10 m per pixel.
        await using var cmd = f.Database.DataSource.CreateCommand(
            "SELECT ST_X(c), ST_Y(c), v.poverty_rate FROM desagis.village_indicators v CROSS JOIN LATERAL (SELECT ST_Transform(ST_Centroid(v.geom), 32750) AS c) t WHERE v.kode = '63.04.01.2020'");
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        double x = reader.GetDouble(0), y = reader.GetDouble(1);
        double? rate = reader.IsDBNull(2) ? null : reader.GetDouble(2);
        var box = string.Create(CultureInfo.InvariantCulture, $"{x - 1000},{y - 1000},{x + 1000},{y + 1000}");
        var bytes = await GetMapAsync($"VERSION=1.3.0&LAYERS=village_indicators&CRS=EPSG:32750&BBOX={box}&WIDTH=200&HEIGHT=200&FORMAT=image/png");
        using var image = SKBitmap.Decode(bytes);
        double zoom = MapScale.Zoom(new DesaGis.Core.BoundingBox(x - 1000, y - 1000, x + 1000, y + 1000), 200,
            DesaGis.Core.Ogc.OgcCrsNames.ByCode(32750, lonLat: true)!);
        // 30 pixels off the centre (300 m, well inside the 1.1 km village), away from its name.
        StyleColours.Near(StyleColours.VillageFill(rate, zoom, White), image.GetPixel(130, 130), where: "UTM 50S");
    }

    [Fact]
    public async Task JPEG_and_transparent_PNG_are_what_they_say()
    {
        using var jpeg = await f.Client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=kecamatan&CRS=EPSG:3857&BBOX=12734000,-368000,12746000,-356000&WIDTH=300&HEIGHT=300&FORMAT=image/jpeg");
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType?.MediaType);
        var jpegBytes = await jpeg.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], jpegBytes[..2]);
        using var png = await f.Client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=kecamatan&CRS=EPSG:3857&BBOX=12734000,-368000,12746000,-356000&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=TRUE");
        using var image = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
        // Inside a kecamatan, away from its border, nothing is drawn: the background stays transparent.
        Assert.Equal(0, image.GetPixel(150, 150).Alpha);
    }

    [Fact]
    public async Task GetFeatureInfo_names_the_village_under_the_pixel_in_the_callers_language()
    {
        const string map = "VERSION=1.3.0&LAYERS=village_indicators&QUERY_LAYERS=village_indicators&CRS=CRS:84&BBOX=114.40,-3.30,114.45,-3.25&WIDTH=500&HEIGHT=500&I=125&J=375";
        using var json = JsonDocument.Parse(await GetStringAsync($"/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&{map}&INFO_FORMAT=application/json"));
        var feature = json.RootElement.GetProperty("features").EnumerateArray().Single();
        // Pixel (125, 375) of a 0.05° box lies in the second column and second row: 63.04.01.2017.
        Assert.Equal("63.04.01.2017", feature.GetProperty("properties").GetProperty("kode").GetString());
        Assert.Equal("village_indicators.63.04.01.2017", feature.GetProperty("id").GetString());

        var html = await GetStringAsync($"/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&{map}&INFO_FORMAT=text/html");
        Assert.Contains("Tingkat kemiskinan", html);
        Assert.Contains("lang=\"id\"", html);
        var english = await GetStringAsync($"/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&{map}&INFO_FORMAT=text/html&LANGUAGE=eng");
        Assert.Contains("Poverty rate", english);

        // A village without a poverty figure says so instead of showing a blank or a zero: the pixel at the centre of a
        // 500-pixel map of the 0.05° around it.
        await using var cmd = f.Database.DataSource.CreateCommand(
            "SELECT kode, ST_XMin(geom), ST_YMin(geom) FROM desagis.village_indicators WHERE poverty_rate IS NULL AND kode LIKE '63.04.%' ORDER BY kode LIMIT 1");
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var (nullKode, minX, minY) = (reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2));
        var box = string.Create(CultureInfo.InvariantCulture, $"{minX - 0.02},{minY - 0.02},{minX + 0.03},{minY + 0.03}");
        var text = await GetStringAsync("/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=village_indicators&QUERY_LAYERS=village_indicators" +
            $"&CRS=CRS:84&BBOX={box}&WIDTH=500&HEIGHT=500&I=250&J=250&INFO_FORMAT=text/plain");
        Assert.Contains(nullKode, text);
        Assert.Contains("Tingkat kemiskinan (P0, %) = tidak ada data", text);
    }

    [Fact]
    public async Task GetFeatureInfo_outside_the_image_is_an_InvalidPoint()
    {
        await GetExceptionAsync(f.Client, "/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&LAYERS=villages&QUERY_LAYERS=villages&CRS=CRS:84&BBOX=114.40,-3.30,114.45,-3.25&WIDTH=100&HEIGHT=100&I=100&J=5&INFO_FORMAT=text/plain",
            400, "InvalidPoint");
    }

    [Fact]
    public async Task GetLegendGraphic_draws_the_styles_legend_at_the_size_capabilities_announce()
    {
        var doc = await GetXmlAsync(f.Client, "/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        var legend = doc.Descendants(Wms + "Layer").Single(l => (string?)l.Element(Wms + "Name") == "village_indicators")
            .Element(Wms + "Style")!.Element(Wms + "LegendURL")!;
        var href = (string)legend.Element(Wms + "OnlineResource")!.Attribute(XName.Get("href", "http://www.w3.org/1999/xlink"))!;
        using var response = await f.Client.GetAsync(new Uri(href).PathAndQuery);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var image = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(int.Parse((string)legend.Attribute("width")!, CultureInfo.InvariantCulture), image.Width);
        Assert.Equal(int.Parse((string)legend.Attribute("height")!, CultureInfo.InvariantCulture), image.Height);
        // Every class colour of the poverty legend is in the picture.
        var colours = new HashSet<uint>();
        for (int x = 0; x < image.Width; x++) for (int y = 0; y < image.Height; y++) colours.Add((uint)image.GetPixel(x, y));
        foreach (var rate in new double?[] { 1, 7, 12, 17, 25, 40, null })
        {
            var c = StyleColours.VillageFill(rate, 12, SKColors.White, opaque: true);
            Assert.True(colours.Any(p => Close(new SKColor(p), c, 12)), $"the legend lacks the colour of poverty {rate}");
        }
    }

    [Fact]
    public async Task Errors_are_service_exceptions_in_the_versions_own_format()
    {
        await GetExceptionAsync(f.Client, "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=no_such_layer&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png", 404, "LayerNotDefined");
        var text = await GetExceptionAsync(f.Client, "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=villages&CRS=EPSG:99999&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png", 400, "InvalidCRS");
        Assert.Contains("EPSG:3857", text);
        using var v111 = await f.Client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&LAYERS=villages&SRS=EPSG:99999&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png");
        Assert.Equal("application/vnd.ogc.se_xml", v111.Content.Headers.ContentType?.MediaType);
        Assert.Contains("code=\"InvalidSRS\"", await v111.Content.ReadAsStringAsync());
        await GetExceptionAsync(f.Client, "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=villages&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/gif", 400, "InvalidFormat");
        await GetExceptionAsync(f.Client, "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=villages&STYLES=bright&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png", 400, "StyleNotDefined");
        var english = await GetExceptionAsync(f.Client, "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=villages&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=99999&HEIGHT=10&FORMAT=image/png&LANGUAGE=eng", 400, "InvalidParameterValue");
        Assert.Contains("must be a whole number", english);
        // Asked for, errors come as a picture of the requested size.
        using var inImage = await f.Client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=no_such_layer&CRS=CRS:84&BBOX=0,0,1,1&WIDTH=64&HEIGHT=32&FORMAT=image/png&EXCEPTIONS=INIMAGE");
        Assert.Equal(HttpStatusCode.OK, inImage.StatusCode);
        using var picture = SKBitmap.Decode(await inImage.Content.ReadAsByteArrayAsync());
        Assert.Equal((64, 32), (picture.Width, picture.Height));
    }

    [Fact]
    public async Task A_map_changes_with_the_very_next_request_after_the_data_does()
    {
        const string query = "VERSION=1.3.0&LAYERS=village_indicators&CRS=CRS:84&BBOX=112.00,0.75,112.01,0.76&WIDTH=64&HEIGHT=64&FORMAT=image/png";
        var before = await GetMapAsync(query);
        Assert.Equal(before, await GetMapAsync(query));
        var kode = await f.Database.ScalarAsync<string>("SELECT kode FROM desagis.desa WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(112.005, 0.755), 4326))");
        var rate = await RateAsync(kode);
        // Move the village to another class and back afterwards; the cached image must not survive the change.
        double changed = rate is < 30 ? 45 : 1;
        await f.Database.ExecuteAsync("UPDATE desagis.village_indicator SET poverty_rate = $1 WHERE desa_kode = $2", changed, kode);
        await f.Database.ExecuteAsync("SELECT desagis.refresh_village_summary(ARRAY[$1])", kode);
        try
        {
            var after = await GetMapAsync(query);
            Assert.NotEqual(before, after);
            using var image = SKBitmap.Decode(after);
            double zoom = MapScale.Zoom(new DesaGis.Core.BoundingBox(112.00, 0.75, 112.01, 0.76), 64, DesaGis.Core.Features.CrsRegistry.Crs84);
            StyleColours.Near(StyleColours.VillageFill(changed, zoom, White), image.GetPixel(10, 10), where: "after the change");
        }
        finally
        {
            await f.Database.ExecuteAsync("UPDATE desagis.village_indicator SET poverty_rate = $1 WHERE desa_kode = $2", (object?)rate ?? DBNull.Value, kode);
            await f.Database.ExecuteAsync("SELECT desagis.refresh_village_summary(ARRAY[$1])", kode);
        }
    }

    [Fact]
    public async Task Gdalinfo_lists_the_layers_and_gdal_translate_writes_a_georeferenced_map()
    {
        var listing = await RunAsync("gdalinfo", "WMS:" + f.Server.Url("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"));
        foreach (var id in LayerCatalog.Default.Layers.Where(l => l.RequiredRole is null).Select(l => l.Id))
            Assert.Matches(new Regex(@"SUBDATASET_\d+_NAME=WMS:.*LAYERS=" + Regex.Escape(id) + "&"), listing);

        var dir = Directory.CreateTempSubdirectory("desagis-wms-");
        try
        {
            var subdataset = SubdatasetName().Matches(listing).Select(m => m.Groups[1].Value).First(s => s.Contains("LAYERS=village_indicators&", StringComparison.Ordinal));
            var png = Path.Combine(dir.FullName, "map.png");
            // A 600-pixel-wide GeoTIFF-style read of the area: GDAL asks GetMap for it in the subdataset's CRS.
            await RunAsync("gdal_translate", "-of", "PNG", "-outsize", "600", "0", "-projwin", "114.40", "-3.10", "114.60", "-3.30", subdataset, png);
            var info = await RunAsync("gdalinfo", png);
            Assert.Contains("Size is 600, 600", info);
            var corner = UpperLeft().Match(info);
            Assert.True(corner.Success, info);
            Assert.Equal(114.40, double.Parse(corner.Groups[1].Value, CultureInfo.InvariantCulture), 5);
            Assert.Equal(-3.10, double.Parse(corner.Groups[2].Value, CultureInfo.InvariantCulture), 5);
            using var image = SKBitmap.Decode(png);
            // Village 63.04.01.2001 (114.40–114.41 E, 3.30–3.29 S) sits in the bottom-left corner.
            var rate = await RateAsync("63.04.01.2001");
            double zoom = MapScale.Zoom(new DesaGis.Core.BoundingBox(114.40, -3.30, 114.60, -3.10), 600, DesaGis.Core.Features.CrsRegistry.Crs84);
            // The most common colour of a patch inside the village (its edges and a name may cross the patch; GDAL resamples).
            var patch = new List<SKColor>();
            for (int x = 3; x < 27; x++) for (int y = 600 - 27; y < 600 - 3; y++) patch.Add(image.GetPixel(x, y));
            var drawn = patch.GroupBy(c => ((c.Red / 8) << 10) | ((c.Green / 8) << 5) | (c.Blue / 8)).MaxBy(g => g.Count())!.First();
            StyleColours.Near(StyleColours.VillageFill(rate, zoom, White), drawn, tolerance: 12, where: "gdal_translate");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private async Task<byte[]> GetMapAsync(string query)
    {
        using var response = await f.Client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetMap&" + query);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"GetMap {query} → {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        return bytes;
    }

    private async Task<string> GetStringAsync(string url)
    {
        using var response = await f.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {body}");
        return body;
    }

    private async Task<double?> RateAsync(string kode)
    {
        var value = await f.Database.ScalarAsync<double>("SELECT coalesce(poverty_rate, -1) FROM desagis.village_indicators WHERE kode = $1", kode);
        return value < 0 ? null : value;
    }

    private async Task<(double, double, double, double)> ExtentAsync(string sql)
    {
        await using var cmd = f.Database.DataSource.CreateCommand($"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM ({sql}) x(e)");
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
    }

    private static bool Close(SKColor a, SKColor b, int tolerance) =>
        Math.Abs(a.Red - b.Red) <= tolerance && Math.Abs(a.Green - b.Green) <= tolerance && Math.Abs(a.Blue - b.Blue) <= tolerance;

    internal static async Task<string> RunAsync(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GDAL_HTTP_PROXY"] = "";
        psi.Environment["no_proxy"] = "127.0.0.1,localhost";
        psi.Environment["CPL_VSIL_CURL_USE_CACHE"] = "NO";
        // GDAL's WMS driver keeps a disk cache of tiles; a test reads the server, never yesterday's answers.
        psi.Environment["GDAL_DEFAULT_WMS_CACHE_PATH"] = Path.Combine(Path.GetTempPath(), "desagis-gdal-wms-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} could not be started; install gdal-bin.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await stderr}\n{output}");
        return output + await stderr;
    }

    [GeneratedRegex(@"Upper Left\s*\(\s*([-\d.]+),\s*([-\d.]+)\)")]
    private static partial Regex UpperLeft();

    [GeneratedRegex(@"SUBDATASET_\d+_NAME=(WMS:\S+)")]
    private static partial Regex SubdatasetName();
}
