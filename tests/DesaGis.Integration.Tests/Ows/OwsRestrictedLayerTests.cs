using System.Xml.Linq;
using DesaGis.Data.Security;
using DesaGis.Testing;
using static DesaGis.Integration.Tests.Ows.OwsXmlAssert;

namespace DesaGis.Integration.Tests.Ows;

/// <summary>
/// Restricted layers through WMS and WFS behave as through OGC API: absent from both capabilities documents and
/// refused everywhere without the role (404 for anonymous callers, who must not learn the layer exists; 403 for a
/// signed-in caller without the role), and served to a caller who has it.
/// </summary>
public class OwsRestrictedLayerTests : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    private const string Layer = "extreme_poor_households";
    private const string Map = "CRS=CRS:84&BBOX=114.4,-2.7,114.8,-2.4&WIDTH=256&HEIGHT=256";
    private readonly PostgisDatabase _db;
    private string _viewer = "";
    private string _planner = "";

    public OwsRestrictedLayerTests(PostgisDatabase db) => _db = db;

    public async Task InitializeAsync()
    {
        if (await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.extreme_poor_household") == 0)
        {
            await SmallDataset.LoadAsync(_db);
            await _db.ExecuteAsync("""
                INSERT INTO desagis.extreme_poor_household (kode, desa_kode, head_of_household, members, welfare_decile, year, geom)
                SELECT 'HH-' || d.kode, d.kode, 'Kepala ' || d.nama, 4, 1, 2024, ST_PointOnSurface(d.geom) FROM desagis.desa d
                """);
        }
        var store = new ApiKeyStore(_db.DataSource);
        _viewer = (await store.CreateAsync("viewer-" + Guid.NewGuid().ToString("N")[..8], Roles.Viewer)).Secret;
        _planner = (await store.CreateAsync("planner-" + Guid.NewGuid().ToString("N")[..8], Roles.Planner)).Secret;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static IEnumerable<(string Url, string Code)> Requests() =>
    [
        ($"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={Layer}&{Map}&FORMAT=image/png", "LayerNotDefined"),
        ($"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=villages,{Layer}&{Map}&FORMAT=image/png", "LayerNotDefined"),
        ($"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=villages&QUERY_LAYERS={Layer}&{Map}&I=10&J=10&INFO_FORMAT=application/json", "LayerNotDefined"),
        ($"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER={Layer}&FORMAT=image/png", "LayerNotDefined"),
        ($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:{Layer}", "InvalidParameterValue"),
        ($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:{Layer}&RESULTTYPE=hits", "InvalidParameterValue"),
        ($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID={Layer}.HH-99.01.01.2001", "InvalidParameterValue"),
        ($"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=desagis:{Layer}", "InvalidParameterValue"),
        ($"/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=desagis:{Layer}", "InvalidParameterValue"),
    ];

    [Fact]
    public async Task Anonymous_callers_find_the_restricted_layer_in_no_capabilities_and_cannot_reach_it()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        foreach (var caps in new[] { "/wms?SERVICE=WMS&REQUEST=GetCapabilities", "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetCapabilities",
                     "/wfs?SERVICE=WFS&REQUEST=GetCapabilities", "/wfs?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetCapabilities",
                     "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType", "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=ListStoredQueries" })
        {
            using var response = await client.GetAsync(caps);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, caps);
            // (village_indicators has a property of the same name as the layer; the layer's own names must be absent.)
            Assert.DoesNotContain("Extreme-poor households", body);
            Assert.DoesNotContain("desagis:" + Layer, body);
            Assert.DoesNotContain(">" + Layer + "<", body);
            Assert.DoesNotContain(Layer + "Type", body);
        }
        foreach (var (url, code) in Requests())
        {
            var text = await GetExceptionAsync(client, url, 404, code);
            Assert.DoesNotContain("Kepala", text);
            Assert.DoesNotContain("planner", text);
        }
    }

    [Fact]
    public async Task A_viewer_is_refused_with_403_and_told_which_role_it_needs()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-API-Key", _viewer);
        foreach (var (url, code) in Requests())
        {
            var expected = url.Contains("/wfs", StringComparison.Ordinal) ? "InvalidParameterValue" : code;
            var text = await GetExceptionAsync(client, url, 403, expected);
            Assert.Contains("planner", text);
        }
    }

    [Fact]
    public async Task A_planner_sees_the_layer_in_both_services_and_reads_its_households()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-API-Key", _planner);
        var wms = await GetXmlAsync(client, "/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        Assert.Contains(wms.Descendants(Wms + "Name"), n => n.Value == Layer);
        var wfs = await GetXmlAsync(client, "/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
        Assert.Contains(wfs.Descendants(Wfs + "Name"), n => n.Value == "desagis:" + Layer);
        var features = await GetXmlAsync(client, $"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:{Layer}");
        Assert.Equal(SmallDataset.VillageCount, features.Root!.Elements(Wfs + "member").Count());
        Assert.Contains("Kepala", features.ToString());
        using var map = await client.GetAsync($"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={Layer}&{Map}&FORMAT=image/png");
        Assert.Equal("image/png", map.Content.Headers.ContentType?.MediaType);
        // What a planner may see is not kept in shared caches.
        Assert.Contains("private", map.Headers.CacheControl?.ToString() ?? "");
    }
}
