using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DesaGis.Integration.Tests.Features;

/// <summary>Landing page, conformance, collections, queryables, OpenAPI and content negotiation, over a real port.</summary>
public class OgcCoreTests(FeaturesFixture f) : IClassFixture<FeaturesFixture>
{
    // Every public layer of the catalog, in catalog order; restricted layers are not listed to anonymous callers.
    private static readonly string[] AllCollections =
        DesaGis.Data.Catalog.LayerCatalog.Default.Layers.Where(l => l.RequiredRole is null).Select(l => l.Id).ToArray();

    [Fact]
    public async Task The_landing_page_links_the_API_definition_conformance_and_data()
    {
        var landing = await f.GetJsonAsync("/");
        var links = landing.GetProperty("links").EnumerateArray().ToList();
        var serviceDesc = links.Single(l => l.GetProperty("rel").GetString() == "service-desc");
        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", serviceDesc.GetProperty("type").GetString());
        Assert.Equal(f.Server.Url("/api"), serviceDesc.GetProperty("href").GetString());
        Assert.Contains(links, l => l.GetProperty("rel").GetString() == "service-doc" && l.GetProperty("href").GetString() == f.Server.Url("/api.html"));
        Assert.Contains(links, l => l.GetProperty("rel").GetString() == "conformance" && l.GetProperty("href").GetString() == f.Server.Url("/conformance"));
        Assert.Contains(links, l => l.GetProperty("rel").GetString() == "data" && l.GetProperty("href").GetString() == f.Server.Url("/collections"));
        Assert.Contains(links, l => l.GetProperty("rel").GetString() == "self");
    }

    [Fact]
    public async Task Responses_forbid_content_sniffing_and_do_not_name_the_web_server()
    {
        foreach (var path in new[] { "/", "/collections/villages/items?limit=1", "/tiles/villages/11/1675/1042.mvt", "/no/such/thing" })
        {
            using var response = await f.Client.GetAsync(path);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(response.Headers.Contains("Server"), $"{path} names the web server");
        }
    }

    [Fact]
    public async Task Conformance_declares_the_official_URIs_of_parts_1_2_and_3()
    {
        var conformance = await f.GetJsonAsync("/conformance");
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter", classes);
        Assert.Contains("http://www.opengis.net/spec/cql2/1.0/conf/cql2-text", classes);
        Assert.Contains("http://www.opengis.net/spec/cql2/1.0/conf/cql2-json", classes);
        Assert.Equal(classes.Count, classes.Distinct().Count());
    }

    [Fact]
    public async Task Collections_lists_every_layer_with_extent_CRS_list_and_item_links()
    {
        var collections = await f.GetJsonAsync("/collections");
        var list = collections.GetProperty("collections").EnumerateArray().ToList();
        Assert.Equal(AllCollections, list.Select(c => c.GetProperty("id").GetString()));
        var kabupaten = list.Single(c => c.GetProperty("id").GetString() == "kabupaten");
        var bbox = kabupaten.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal([112.0, -3.3, 115.2, 0.9], bbox.Select(v => Math.Round(v, 6)));
        var crs = kabupaten.GetProperty("crs").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4326", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/32750", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/32649", crs);
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", kabupaten.GetProperty("storageCrs").GetString());
        var items = kabupaten.GetProperty("links").EnumerateArray()
            .Single(l => l.GetProperty("rel").GetString() == "items" && l.GetProperty("type").GetString() == "application/geo+json");
        Assert.StartsWith(f.Server.Url("/collections/kabupaten/items"), items.GetProperty("href").GetString());
    }

    [Fact]
    public async Task A_collection_with_years_has_a_temporal_extent()
    {
        var programs = await f.GetJsonAsync("/collections/programs");
        var interval = programs.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0];
        Assert.Equal("2021-01-01T00:00:00Z", interval[0].GetString());
        Assert.Equal("2023-12-31T23:59:59Z", interval[1].GetString());
    }

    [Fact]
    public async Task Queryables_is_a_JSON_schema_of_the_layer_properties_and_its_geometry()
    {
        using var response = await f.Client.GetAsync("/collections/village_indicators/queryables");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(f.Server.Url("/collections/village_indicators/queryables"), root.GetProperty("$id").GetString());
        Assert.Equal("object", root.GetProperty("type").GetString());
        var props = root.GetProperty("properties");
        Assert.Equal("number", props.GetProperty("poverty_rate").GetProperty("type").GetString());
        Assert.Equal("integer", props.GetProperty("program_count").GetProperty("type").GetString());
        Assert.Equal("boolean", props.GetProperty("in_transmigration_area").GetProperty("type").GetString());
        Assert.Equal("geometry-multipolygon", props.GetProperty("geometry").GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/conformance")]
    [InlineData("/collections")]
    [InlineData("/collections/villages")]
    [InlineData("/collections/villages/items")]
    [InlineData("/collections/villages/items/63.04.01.2001")]
    [InlineData("/collections/villages/queryables")]
    public async Task Browsers_get_HTML_and_f_json_overrides_the_Accept_header(string path)
    {
        using var html = new HttpRequestMessage(HttpMethod.Get, path);
        html.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var htmlResponse = await f.Client.SendAsync(html);
        Assert.Equal(HttpStatusCode.OK, htmlResponse.StatusCode);
        Assert.Equal("text/html", htmlResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await htmlResponse.Content.ReadAsStringAsync());

        using var json = new HttpRequestMessage(HttpMethod.Get, path + (path.Contains('?') ? "&" : "?") + "f=json");
        json.Headers.Accept.ParseAdd("text/html");
        using var jsonResponse = await f.Client.SendAsync(json);
        Assert.Equal(HttpStatusCode.OK, jsonResponse.StatusCode);
        Assert.EndsWith("json", jsonResponse.Content.Headers.ContentType?.MediaType);
        using var _ = JsonDocument.Parse(await jsonResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_HTML_landing_page_links_the_viewer_tiles_and_collections()
    {
        var html = await f.Client.GetStringAsync("/?f=html");
        Assert.Contains("href=\"viewer/\"", html);
        Assert.Contains("href=\"tiles\"", html);
        Assert.Contains("collections/village_indicators?f=html", html);
    }

    [Fact]
    public async Task The_HTML_items_page_has_an_inline_SVG_map_and_escapes_hostile_names()
    {
        var html = await f.Client.GetStringAsync("/collections/villages/items?f=html&filter=kecamatan_kode%3D'63.04.01'&limit=10");
        Assert.Contains("<svg", html);
        Assert.Contains("Robert&#39;); DROP TABLE desagis.desa;--", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task An_unknown_format_is_a_400_problem()
    {
        using var response = await f.Client.GetAsync("/collections?f=xml");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("f=json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metadata_carries_an_ETag_and_a_matching_If_None_Match_gets_304()
    {
        using var first = await f.Client.GetAsync("/collections/villages/queryables");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Headers.CacheControl);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/collections/villages/queryables");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await f.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_is_version_3_0_and_describes_the_items_parameters()
    {
        using var response = await f.Client.GetAsync("/api");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.oai.openapi+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "3.0");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.0.", doc.RootElement.GetProperty("openapi").GetString());
        var parameters = doc.RootElement.GetProperty("paths").GetProperty("/collections/{collectionId}/items").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "collectionId", "bbox", "bbox-crs", "crs", "limit", "offset", "properties", "sortby", "filter", "filter-lang", "filter-crs" })
            Assert.Contains(name, parameters);
        Assert.Equal(f.Server.BaseUri.ToString().TrimEnd('/'), doc.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_kept_between_requests_still_names_the_host_each_client_used()
    {
        async Task<string> ServerUrlAsync(string? host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api");
            if (host is not null) request.Headers.Host = host;
            using var response = await f.Client.SendAsync(request);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return doc.RootElement.GetProperty("servers")[0].GetProperty("url").GetString()!;
        }
        string own = f.Server.BaseUri.ToString().TrimEnd('/');
        Assert.Equal(own, await ServerUrlAsync(null));
        Assert.Equal("http://peta.example.test:8080", await ServerUrlAsync("peta.example.test:8080"));
        Assert.Equal(own, await ServerUrlAsync(null));
        // Many hosts cannot grow the kept documents without bound, and each still gets its own.
        for (int i = 0; i < 40; i++)
            Assert.Equal($"http://host{i}.example.test", await ServerUrlAsync($"host{i}.example.test"));
        Assert.Equal(own, await ServerUrlAsync(null));
    }

    [Fact]
    public async Task The_interactive_API_page_loads_the_API_definition_from_this_server()
    {
        var html = await f.Client.GetStringAsync("/api.html");
        Assert.Contains(f.Server.Url("/api"), html);
        using var script = await f.Client.GetAsync("/api.html/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task An_unknown_collection_is_a_404_problem_listing_the_known_ones()
    {
        foreach (var path in new[] { "/collections/nope", "/collections/nope/items", "/collections/nope/queryables", "/collections/nope/items/1" })
        {
            using var response = await f.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("urn:desagis:problem:unknown-collection", doc.RootElement.GetProperty("type").GetString());
            Assert.Contains("village_indicators", doc.RootElement.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Links_use_the_configured_public_base_URL_when_there_is_one()
    {
        await using var server = new PublicUrlServer(f.Database);
        var client = await server.CreateReadyClientAsync();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/collections/villages/items?limit=5"));
        var next = doc.RootElement.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next");
        Assert.Equal("https://maps.example.go.id/desagis/collections/villages/items?f=json&offset=5&limit=5", next.GetProperty("href").GetString());
    }

    private sealed class PublicUrlServer(DesaGis.Testing.PostgisDatabase db) : DesaGis.Testing.DesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:PublicBaseUrl"] = "https://maps.example.go.id/desagis/",
        };
    }
}
