using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DesaGis.Core.Tiles;

namespace DesaGis.Integration.Tests.Tiles;

public class TileEndpointTests(TileServerFixture fixture) : IClassFixture<TileServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static TileCoord BlockTile(int z)
    {
        var (lon, lat) = TileTestData.Centre(1, 1);
        return WebMercator.TileAt(lon, lat, z);
    }

    private async Task<byte[]> GetTileAsync(string layers, TileCoord t)
    {
        using var response = await _client.GetAsync($"/tiles/{layers}/{t.Z}/{t.X}/{t.Y}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Village_tiles_carry_every_village_of_the_tile_with_the_attributes_the_style_needs()
    {
        var tile = BlockTile(11);
        var vt = TileDecoding.Decode(await GetTileAsync("village_indicators", tile), tile);

        var layer = Assert.Single(vt.Layers);
        Assert.Equal("village_indicators", layer.Name);
        var byKode = layer.Features.ToDictionary(f => (string)f.Attributes["kode"]);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                Assert.Contains(TileTestData.Kode(r, c), byKode.Keys);
        Assert.DoesNotContain(TileTestData.FarKode, byKode.Keys);

        var centre = byKode[TileTestData.Kode(1, 1)];
        Assert.Equal(TileTestData.QuotedName, centre.Attributes["nama"]);
        Assert.Equal(9.0, Convert.ToDouble(centre.Attributes["poverty_rate"]), 6);
        Assert.Equal("BERKEMBANG", centre.Attributes["idm_status"]);
        Assert.Equal(20L, Convert.ToInt64(centre.Attributes["extreme_poor"]));
        Assert.Equal("Tabunganen", centre.Attributes["kecamatan_nama"]);
        var covered = byKode[TileTestData.Kode(0, 0)];
        Assert.Equal(1L, Convert.ToInt64(covered.Attributes["program_count"]));
        Assert.Equal("Yayasan Air Bersih", covered.Attributes["partner_names"]);
        // Attributes the style does not need stay out of tiles.
        Assert.False(centre.Attributes.Exists("kode10"));
        Assert.False(centre.Attributes.Exists("provinsi_kode"));

        // The decoded polygon lies where the village is, and is valid.
        var (lon, lat) = TileTestData.Centre(1, 1);
        var (x, y) = WebMercator.FromLonLat(lon, lat);
        Assert.True(centre.Geometry.IsValid);
        Assert.True(centre.Geometry.Area > 0);
        var env = centre.Geometry.EnvelopeInternal;
        Assert.InRange(env.Centre.X, lon - 0.002, lon + 0.002);
        Assert.InRange(env.Centre.Y, lat - 0.002, lat + 0.002);
        Assert.True(x != 0 && y != 0);
    }

    [Fact]
    public async Task GDAL_reads_the_same_tile_with_its_features_and_attributes()
    {
        var tile = BlockTile(11);
        var report = await TileDecoding.OgrinfoAsync(await GetTileAsync("village_indicators,kecamatan", tile), tile);

        Assert.Contains("Layer name: village_indicators", report);
        Assert.Contains("Layer name: kecamatan", report);
        Assert.Contains("kode (String) = " + TileTestData.Kode(1, 1), report);
        // Integer MVT feature ids come from the 10-digit code; the dotted code stays an attribute.
        Assert.Contains("mvt_id (Integer64) = 6304012011", report);
        Assert.Contains("nama (String) = " + TileTestData.QuotedName, report);
        Assert.Contains("poverty_rate (Real) = 9", report);
        Assert.Contains("nama (String) = Tabunganen", report);
        Assert.Contains("MULTIPOLYGON", report.Replace("POLYGON ((", "MULTIPOLYGON ((", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_composite_tile_has_one_layer_per_source_in_the_requested_order()
    {
        var tile = BlockTile(11);
        var vt = TileDecoding.Decode(await GetTileAsync("kabupaten,village_indicators,transmigration_areas,programs", tile), tile);
        Assert.Equal(["kabupaten", "village_indicators", "transmigration_areas", "programs"], vt.Layers.Select(l => l.Name).ToArray());
        Assert.Equal("Barito Kuala", Assert.Single(vt.Layers[0].Features).Attributes["nama"]);
        Assert.Equal("SKP Tabunganen", Assert.Single(vt.Layers[2].Features).Attributes["nama"]);
        Assert.Equal("Yayasan Air Bersih", Assert.Single(vt.Layers[3].Features).Attributes["partner_nama"]);
    }

    [Fact]
    public async Task A_kabupaten_spanning_many_tiles_is_labelled_once_from_its_label_point()
    {
        // Barito Kuala (114.3–115.0 E, 2.5–3.5 S) covers several zoom-9 tiles: its polygon is in each of them, and a
        // client labelling the polygon would name it in each; its label point is in exactly one.
        var nw = WebMercator.TileAt(114.31, -2.51, 9);
        var se = WebMercator.TileAt(114.99, -3.49, 9);
        int polygonTiles = 0;
        var labels = new List<NetTopologySuite.Geometries.Point>();
        for (int x = nw.X; x <= se.X; x++)
            for (int y = nw.Y; y <= se.Y; y++)
            {
                var t = TileCoord.Create(9, x, y);
                var vt = TileDecoding.Decode(await GetTileAsync("kabupaten,kabupaten_labels", t), t);
                var bounds = t.EnvelopeLonLat();
                if (vt.Layers.Single(l => l.Name == "kabupaten").Features.Any(f => (string)f.Attributes["kode"] == "63.04")) polygonTiles++;
                // Points in the tile's buffer belong to the neighbour; clients draw only those inside the tile.
                labels.AddRange(vt.Layers.Where(l => l.Name == "kabupaten_labels").SelectMany(l => l.Features)
                    .Where(f => (string)f.Attributes["kode"] == "63.04").Select(f => (NetTopologySuite.Geometries.Point)f.Geometry)
                    .Where(p => p.X >= bounds.MinX && p.X < bounds.MaxX && p.Y > bounds.MinY && p.Y <= bounds.MaxY));
            }
        Assert.True(polygonTiles > 1, $"the kabupaten should span several tiles, spans {polygonTiles}");
        var label = Assert.Single(labels);
        Assert.InRange(label.X, 114.3, 115.0);
        Assert.InRange(label.Y, -3.5, -2.5);
    }

    [Fact]
    public async Task At_zoom_5_the_villages_are_generalised_yet_even_the_tiny_kelurahan_is_drawn()
    {
        var tile = BlockTile(5);
        var vt = TileDecoding.Decode(await GetTileAsync("village_indicators", tile), tile);
        var features = Assert.Single(vt.Layers).Features;
        Assert.Contains(features, f => (string)f.Attributes["kode"] == TileTestData.TinyKode && f.Geometry.Area > 0);
        Assert.Equal(10, features.Count(f => ((string)f.Attributes["kode"]).StartsWith("63.04", StringComparison.Ordinal)));
        // Low zooms carry only the attributes the choropleth and a hover card need.
        var any = features.Single(f => (string)f.Attributes["kode"] == TileTestData.Kode(1, 1));
        Assert.Equal(9.0, Convert.ToDouble(any.Attributes["poverty_rate"]), 6);
        Assert.Equal(TileTestData.QuotedName, any.Attributes["nama"]);
        Assert.True(any.Attributes.Exists("poverty_rate"));
        Assert.False(any.Attributes.Exists("kecamatan_nama"));
    }

    [Fact]
    public async Task An_empty_tile_is_204_without_a_body()
    {
        using var response = await _client.GetAsync("/tiles/village_indicators/12/0/0.mvt");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_repeated_request_with_the_ETag_gets_304()
    {
        var t = BlockTile(11);
        var url = $"/tiles/village_indicators/{t.Z}/{t.X}/{t.Y}.mvt";
        using var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Tiles_are_sent_compressed_when_the_client_accepts_it(string encoding)
    {
        var t = BlockTile(11);
        var plain = await GetTileAsync("village_indicators", t);
        using var handlerless = fixture.Server.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/tiles/village_indicators/{t.Z}/{t.X}/{t.Y}.mvt");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await handlerless.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < plain.Length);
        using Stream decoder = encoding == "gzip"
            ? new GZipStream(new MemoryStream(body), CompressionMode.Decompress)
            : new BrotliStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        await decoder.CopyToAsync(output);
        Assert.Equal(plain, output.ToArray());
    }

    [Theory]
    [InlineData("/tiles/village_indicators/12/5000/99999.mvt")]
    [InlineData("/tiles/village_indicators/25/0/0.mvt")]
    [InlineData("/tiles/village_indicators/a/1/1.mvt")]
    [InlineData("/tiles/village_indicators/-1/0/0.mvt")]
    [InlineData("/tiles/villages,villages/5/0/0.mvt")]
    public async Task An_invalid_tile_address_is_a_problem_json_400(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/tiles/no_such_layer/5/0/0.mvt")]
    [InlineData("/tiles/villages,nope/5/0/0.mvt")]
    [InlineData("/tiles/nope.json")]
    [InlineData("/collections/nope/tiles/WebMercatorQuad/5/0/0")]
    [InlineData("/collections/villages/tiles/WorldCRS84Quad/5/0/0")]
    [InlineData("/tileMatrixSets/Nope")]
    [InlineData("/styles/nope.json")]
    public async Task An_unknown_layer_or_tiling_is_a_problem_json_404(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TileJSON_declares_the_tile_url_zooms_and_fields()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/tiles/village_indicators,kecamatan.json"));
        var root = json.RootElement;
        Assert.Equal("3.0.0", root.GetProperty("tilejson").GetString());
        Assert.Equal("http://localhost/tiles/village_indicators,kecamatan/{z}/{x}/{y}.mvt", root.GetProperty("tiles")[0].GetString());
        Assert.Equal(5, root.GetProperty("minzoom").GetInt32());
        Assert.Equal(16, root.GetProperty("maxzoom").GetInt32());
        Assert.Equal(4, root.GetProperty("bounds").GetArrayLength());
        var layers = root.GetProperty("vector_layers");
        Assert.Equal("village_indicators", layers[0].GetProperty("id").GetString());
        var fields = layers[0].GetProperty("fields");
        Assert.Equal("Number", fields.GetProperty("poverty_rate").GetString());
        Assert.Equal("String", fields.GetProperty("idm_status").GetString());
        Assert.Equal("Boolean", fields.GetProperty("in_transmigration_area").GetString());
        Assert.False(fields.TryGetProperty("kode10", out _));
        Assert.Equal("kecamatan", layers[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_catalog_lists_every_layer_with_its_TileJSON()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/tiles"));
        var ids = json.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        // Every public layer, in catalog order; restricted layers are not listed to anonymous callers.
        Assert.Equal(DesaGis.Data.Catalog.LayerCatalog.Default.Layers.Where(l => l.RequiredRole is null).Select(l => l.Id), ids);
        Assert.Equal("http://localhost/tiles/villages.json", json.RootElement.GetProperty("layers")[1].GetProperty("tilejson").GetString());
    }

    [Fact]
    public async Task Every_layer_serves_a_tile_over_the_block()
    {
        var tile = BlockTile(11);
        foreach (var layer in new[] { "village_indicators", "villages", "kecamatan", "kabupaten", "provinsi", "transmigration_areas", "programs", "program_coverage" })
        {
            var vt = TileDecoding.Decode(await GetTileAsync(layer, tile), tile);
            Assert.True(Assert.Single(vt.Layers).Features.Count > 0, layer);
        }
    }

    [Fact]
    public async Task The_WebMercatorQuad_tile_matrix_set_is_described()
    {
        using var list = JsonDocument.Parse(await _client.GetStringAsync("/tileMatrixSets"));
        Assert.Equal("WebMercatorQuad", list.RootElement.GetProperty("tileMatrixSets")[0].GetProperty("id").GetString());
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/tileMatrixSets/WebMercatorQuad"));
        var root = json.RootElement;
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3857", root.GetProperty("crs").GetString());
        var z0 = root.GetProperty("tileMatrices")[0];
        Assert.Equal("0", z0.GetProperty("id").GetString());
        Assert.Equal(559082264.028717, z0.GetProperty("scaleDenominator").GetDouble(), 3);
        Assert.Equal(156543.033928041, z0.GetProperty("cellSize").GetDouble(), 6);
        Assert.Equal(1024, root.GetProperty("tileMatrices")[10].GetProperty("matrixWidth").GetInt32());
    }

    [Fact]
    public async Task The_OGC_tile_route_takes_row_before_column_and_serves_the_same_tile()
    {
        var t = BlockTile(11);
        var xyz = await GetTileAsync("villages", t);
        using var response = await _client.GetAsync($"/collections/villages/tiles/WebMercatorQuad/{t.Z}/{t.Y}/{t.X}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(xyz, await response.Content.ReadAsByteArrayAsync());

        using var tilesets = JsonDocument.Parse(await _client.GetStringAsync("/collections/villages/tiles"));
        var links = tilesets.RootElement.GetProperty("tilesets")[0].GetProperty("links").EnumerateArray().ToList();
        Assert.Contains(links, l => l.GetProperty("href").GetString() == "http://localhost/collections/villages/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
        using var tileset = JsonDocument.Parse(await _client.GetStringAsync("/collections/villages/tiles/WebMercatorQuad"));
        Assert.Equal("vector", tileset.RootElement.GetProperty("dataType").GetString());
        Assert.Equal("villages", tileset.RootElement.GetProperty("layers")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_style_is_served_with_urls_pointing_at_this_server()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/styles/desagis.json"));
        var root = json.RootElement;
        foreach (var source in root.GetProperty("sources").EnumerateObject())
            if (source.Value.TryGetProperty("url", out var url))
                Assert.StartsWith("http://localhost/tiles/", url.GetString());
        Assert.StartsWith("http://localhost/fonts/", root.GetProperty("glyphs").GetString());
        var legend = root.GetProperty("metadata").GetProperty("desagis:legend").EnumerateArray().ToList();
        var poverty = legend.Single(e => e.GetProperty("id").GetString() == "poverty");
        Assert.Equal("villages-poverty", poverty.GetProperty("layer").GetString());
        Assert.Equal(7, poverty.GetProperty("classes").GetArrayLength());

        // Programme footprints are coloured per partner from the database, and the legend names the partners.
        var programmes = legend.Single(e => e.GetProperty("id").GetString() == "programmes");
        var partner = Assert.Single(programmes.GetProperty("classes").EnumerateArray());
        Assert.Equal("P1", partner.GetProperty("value").GetString());
        Assert.Equal("Yayasan Air Bersih", partner.GetProperty("label").GetString());
        var fill = root.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "programs-fill")
            .GetProperty("paint").GetProperty("fill-color");
        Assert.Equal("match", fill[0].GetString());
        Assert.Equal("partner_kode", fill[1][1].GetString());
        Assert.Equal("P1", fill[2].GetString());
        Assert.Equal(partner.GetProperty("color").GetString(), fill[3].GetString());
    }

    [Fact]
    public async Task Glyphs_for_labels_are_made_from_a_local_font()
    {
        using var response = await _client.GetAsync("/fonts/Noto Sans Regular/0-255.pbf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pbf = await response.Content.ReadAsByteArrayAsync();
        // glyphs { stacks { name = "Noto Sans Regular", range = "0-255", glyphs … } }: 'A' (65) among them.
        Assert.Equal(0x0A, pbf[0]);
        Assert.True(pbf.Length > 20_000);
        Assert.Contains("Noto Sans Regular", System.Text.Encoding.UTF8.GetString(pbf, 0, 64));
        using var bad = await _client.GetAsync("/fonts/Noto Sans Regular/1-2.pbf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
