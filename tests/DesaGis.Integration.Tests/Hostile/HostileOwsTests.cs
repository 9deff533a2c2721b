using System.Text;
using System.Xml.Linq;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Hostile;

/// <summary>
/// Hostile WMS and WFS requests: huge images, broken and unknown CRSs and boxes, XML filter bombs (entity expansion,
/// external entities, deep nesting, huge geometries and lists), injection in every name parameter. None may cause a
/// 5xx; every refusal must be the service's own XML exception report without internals; the database must be
/// exactly as before.
/// </summary>
public class HostileOwsTests : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    private static readonly string[] Leaks = ["Npgsql", "PostgresException", "   at DesaGis", "\"desagis\".", "ST_AsMVT", "ST_Transform(", "Exception:", "Password=", "System."];
    private readonly PostgisDatabase _db;

    public HostileOwsTests(PostgisDatabase db) => _db = db;

    public async Task InitializeAsync()
    {
        if (await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa") == 0) await SmallDataset.LoadAsync(_db);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Map = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=village_indicators&CRS=CRS:84&BBOX=114.4,-2.7,114.8,-2.4&WIDTH=256&HEIGHT=256&FORMAT=image/png";
    private const string Feature = "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:village_indicators";

    public static IEnumerable<string> Requests()
    {
        foreach (var s in HostileRequests.Strings)
        {
            var e = Uri.EscapeDataString(s);
            foreach (var p in new[] { "LAYERS", "STYLES", "CRS", "BBOX", "WIDTH", "HEIGHT", "FORMAT", "TRANSPARENT", "BGCOLOR", "EXCEPTIONS", "VERSION", "SLD_BODY" })
                yield return "/wms?" + Replace(Map, p, e);
            yield return $"/wms?SERVICE=WMS&REQUEST={e}";
            yield return $"/wms?SERVICE={e}&REQUEST=GetCapabilities";
            yield return $"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=villages&QUERY_LAYERS={e}&CRS=CRS:84&BBOX=114.4,-2.7,114.8,-2.4&WIDTH=256&HEIGHT=256&I=1&J=1";
            yield return $"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=villages&QUERY_LAYERS=villages&CRS=CRS:84&BBOX=114.4,-2.7,114.8,-2.4&WIDTH=256&HEIGHT=256&I={e}&J=1&INFO_FORMAT={e}&FEATURE_COUNT={e}";
            yield return $"/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER={e}&STYLE={e}&FORMAT=image/png";
            foreach (var p in new[] { "TYPENAMES", "PROPERTYNAME", "SORTBY", "SRSNAME", "BBOX", "COUNT", "STARTINDEX", "RESOURCEID", "RESULTTYPE", "OUTPUTFORMAT", "FILTER", "CQL_FILTER", "FILTER_LANGUAGE" })
                yield return $"/wfs?{Feature}&{p}={e}";
            yield return $"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES={e}";
            yield return $"/wfs?SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS={e}";
            yield return $"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID={e}";
        }
        foreach (var n in HostileRequests.Numbers)
        {
            var e = Uri.EscapeDataString(n);
            yield return "/wms?" + Replace(Replace(Map, "WIDTH", e), "HEIGHT", e);
            yield return $"/wfs?{Feature}&COUNT={e}&STARTINDEX={e}";
        }
        // Images far beyond the limits, one side or in area.
        foreach (var (w, h) in new[] { (100000, 100000), (4096, 4096), (65536, 1), (1, 65536), (2147483647, 2), (0, 0), (-256, 256) })
            yield return "/wms?" + Replace(Replace(Map, "WIDTH", w.ToString(System.Globalization.CultureInfo.InvariantCulture)), "HEIGHT", h.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var crs in HostileRequests.Crs.Concat(["EPSG:900913", "urn:ogc:def:crs:EPSG::99999", "CRS:83", "EPSG:4326;DROP", "AUTO:42001,9001,114,-2"]))
        {
            var e = Uri.EscapeDataString(crs);
            yield return "/wms?" + Replace(Map, "CRS", e);
            yield return $"/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=villages&SRS={e}&BBOX=114.4,-2.7,114.8,-2.4&WIDTH=256&HEIGHT=256&FORMAT=image/png";
            yield return $"/wfs?{Feature}&SRSNAME={e}";
            yield return $"/wfs?{Feature}&BBOX=-2.7,114.4,-2.4,114.8,{e}";
        }
        // Projected CRSs with coordinates far outside their area: the projection refuses them, the client gets a 4xx report.
        foreach (var crs in new[] { "urn:ogc:def:crs:EPSG::32750", "EPSG:32650", "EPSG:3857" })
            foreach (var box in new[] { "1e9,1e9,2e9,2e9", "-1e8,-1e8,1e8,1e8", "-1e308,-1e308,1e308,1e308" })
            {
                var e = Uri.EscapeDataString(crs);
                yield return $"/wfs?{Feature}&BBOX={Uri.EscapeDataString(box)},{e}";
                yield return $"/wfs?{Feature}&SRSNAME={e}&BBOX={Uri.EscapeDataString(box)},{e}";
                yield return "/wms?" + Replace(Replace(Map, "CRS", e), "BBOX", Uri.EscapeDataString(box));
            }
        foreach (var box in HostileRequests.Boxes)
        {
            yield return "/wms?" + Replace(Map, "BBOX", Uri.EscapeDataString(box));
            yield return $"/wfs?{Feature}&BBOX={Uri.EscapeDataString(box)}";
        }
        // Filters go in the URL when they fit (64 KiB) and, like all of them, in a form-encoded POST.
        foreach (var filter in Filters())
        {
            if (filter.Length < 16_000) yield return $"/wfs?{Feature}&FILTER={Uri.EscapeDataString(filter)}";
            yield return "POST /wfs " + Feature + "&FILTER=" + Uri.EscapeDataString(filter);
        }
        yield return "POST /wfs SERVICE=WFS&REQUEST=GetFeature&" + string.Join('&', Enumerable.Range(0, 500).Select(i => $"P{i}=x"));
        yield return "POST /wms " + Map + "&SLD_BODY=" + new string('x', 2 * 1024 * 1024);
        foreach (var name in new[] { "nama,kode' OR 1=1--", "nama;DROP TABLE desagis.desa", "(nama,\"kode\")", "geometry,../../etc/passwd", "desagis:nama,desagis:kode)--", "*", "nama[1]", "@gml:id" })
        {
            var e = Uri.EscapeDataString(name);
            yield return $"/wfs?{Feature}&PROPERTYNAME={e}";
            yield return $"/wfs?{Feature}&SORTBY={e}";
            yield return $"/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES={e}";
            yield return "/wms?" + Replace(Map, "LAYERS", e);
        }
        yield return "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=" + string.Join(",", Enumerable.Repeat("villages", 500)) + "&CRS=CRS:84&BBOX=114.4,-2.7,114.8,-2.4&WIDTH=256&HEIGHT=256&FORMAT=image/png";
        yield return $"/wfs?{Feature}&RESOURCEID=" + string.Join(",", Enumerable.Range(0, 1500).Select(i => "village_indicators.99.01.01." + i));
    }

    private static IEnumerable<string> Filters()
    {
        const string open = "<Filter xmlns=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">";
        const string close = "</Filter>";
        // Entity expansion ("billion laughs") and external entities: refused before anything is expanded or fetched.
        yield return "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
                     "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>" +
                     open + "<PropertyIsEqualTo><ValueReference>nama</ValueReference><Literal>&lol4;</Literal></PropertyIsEqualTo>" + close;
        yield return "<!DOCTYPE f [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + open + "<PropertyIsEqualTo><ValueReference>nama</ValueReference><Literal>&x;</Literal></PropertyIsEqualTo>" + close;
        yield return "<!DOCTYPE f [<!ENTITY x SYSTEM \"http://169.254.169.254/latest/meta-data/\">]>" + open + "<PropertyIsNull><ValueReference>&x;</ValueReference></PropertyIsNull>" + close;
        yield return "<?xml-stylesheet href=\"http://evil.example/x.xsl\"?>" + open + "<PropertyIsNull><ValueReference>nama</ValueReference></PropertyIsNull>" + close;
        // Nesting and size.
        yield return open + string.Concat(Enumerable.Repeat("<Not>", 2000)) + "<PropertyIsNull><ValueReference>nama</ValueReference></PropertyIsNull>" + string.Concat(Enumerable.Repeat("</Not>", 2000)) + close;
        yield return open + string.Concat(Enumerable.Repeat("<And>", 40)) + string.Concat(Enumerable.Repeat("<PropertyIsNull><ValueReference>nama</ValueReference></PropertyIsNull>", 2)) + string.Concat(Enumerable.Repeat("</And>", 40)) + close;
        yield return open + "<Or>" + string.Concat(Enumerable.Repeat("<PropertyIsEqualTo><ValueReference>nama</ValueReference><Literal>x</Literal></PropertyIsEqualTo>", 3000)) + "</Or>" + close;
        yield return open + "<Intersects><ValueReference>geometry</ValueReference><gml:LineString><gml:posList>" +
                     string.Join(' ', Enumerable.Range(0, 40000).Select(i => "114.5 -2.5")) + "</gml:posList></gml:LineString></Intersects>" + close;
        yield return open + "<PropertyIsEqualTo><ValueReference>nama</ValueReference><Literal>" + new string('x', 300_000) + "</Literal></PropertyIsEqualTo>" + close;
        // Injection and unsupported constructs.
        yield return open + "<PropertyIsEqualTo><ValueReference>nama\"; DROP TABLE desagis.desa; --</ValueReference><Literal>x</Literal></PropertyIsEqualTo>" + close;
        yield return open + "<PropertyIsEqualTo><ValueReference>nama</ValueReference><Literal>'; DROP TABLE desagis.desa; --</Literal></PropertyIsEqualTo>" + close;
        yield return open + "<PropertyIsEqualTo><ValueReference>poverty_rate</ValueReference><Literal>1 OR 1=1</Literal></PropertyIsEqualTo>" + close;
        yield return open + "<PropertyIsEqualTo><ValueReference>desagis:desa/nama</ValueReference><Literal>x</Literal></PropertyIsEqualTo>" + close;
        yield return open + "<PropertyIsEqualTo><Function name=\"pg_sleep\"><Literal>10</Literal></Function><Literal>x</Literal></PropertyIsEqualTo>" + close;
        yield return open + "<PropertyIsEqualTo><Add><ValueReference>population</ValueReference><Literal>1</Literal></Add><Literal>2</Literal></PropertyIsEqualTo>" + close;
        yield return open + "<DWithin><ValueReference>geometry</ValueReference><gml:Point><gml:pos>-2.5 114.5</gml:pos></gml:Point><Distance uom=\"m\">1e99</Distance></DWithin>" + close;
        yield return open + "<BBOX><gml:Envelope srsName=\"EPSG:666\"><gml:lowerCorner>0 0</gml:lowerCorner><gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></BBOX>" + close;
        yield return open + "<BBOX><gml:Envelope><gml:lowerCorner>NaN 0</gml:lowerCorner><gml:upperCorner>1 Infinity</gml:upperCorner></gml:Envelope></BBOX>" + close;
        yield return open + "<BBOX><gml:Envelope><gml:lowerCorner>1 1</gml:lowerCorner><gml:upperCorner>0 0</gml:upperCorner></gml:Envelope></BBOX>" + close;
        yield return open + "<Intersects><ValueReference>geometry</ValueReference><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension=\"7\">0 0 1 1</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></Intersects>" + close;
        yield return open + "<ResourceId rid=\"village_indicators.'; DROP TABLE desagis.desa; --\"/>" + close;
        yield return open + "<ResourceId rid=\"kecamatan.99.01.01\"/>" + close;
        yield return "<Filter>" + "<PropertyIsEqualTo><ValueReference>nama</ValueReference>";
        yield return "<x:Filter><x:PropertyIsNull/></x:Filter>";
        yield return "not xml at all";
        yield return "";
    }

    private static string Replace(string query, string name, string value)
    {
        var parts = query.Split('&').Select(p => p.StartsWith(name + "=", StringComparison.Ordinal) ? name + "=" + value : p).ToList();
        if (!parts.Any(p => p.StartsWith(name + "=", StringComparison.Ordinal))) parts.Add(name + "=" + value);
        return string.Join('&', parts);
    }

    [Fact]
    public void The_suite_has_at_least_500_requests()
    {
        Assert.True(Requests().Count() >= 500, $"only {Requests().Count()} hostile WMS/WFS requests");
    }

    [Fact]
    public async Task Hostile_WMS_and_WFS_requests_get_service_exceptions_and_leave_the_database_unchanged()
    {
        // Over a real Kestrel port, so the requests meet the same HTTP parsing a real client's do.
        await using var server = new UnlimitedServer(_db);
        server.UseKestrel(0);
        server.StartServer();
        var client = await server.CreateReadyClientAsync();
        var before = await DatabaseSnapshot.TakeAsync(_db);
        var failures = new List<string>();
        int sent = 0, refused = 0;
        foreach (var request in Requests())
        {
            using var response = await SendAsync(client, request);
            var url = request;
            sent++;
            int status = (int)response.StatusCode;
            var media = response.Content.Headers.ContentType?.MediaType ?? "";
            var body = await response.Content.ReadAsStringAsync();
            var shown = url.Length > 160 ? url[..160] + "…" : url;
            if (status >= 500) { failures.Add($"{shown} → {status}"); continue; }
            if (status < 400) continue;
            refused++;
            if (!media.Contains("xml", StringComparison.Ordinal)) { failures.Add($"{shown} → {status} as {media}"); continue; }
            try
            {
                var root = XDocument.Parse(body).Root!;
                if (root.Name.LocalName is not ("ServiceExceptionReport" or "ExceptionReport")) failures.Add($"{shown} → {status} with <{root.Name.LocalName}>");
            }
            catch (System.Xml.XmlException)
            {
                failures.Add($"{shown} → {status}: not XML");
                continue;
            }
            if (Leaks.FirstOrDefault(l => body.Contains(l, StringComparison.Ordinal)) is { } leak) failures.Add($"{shown} → {status} leaks '{leak}'");
            if (body.Length > 16_000) failures.Add($"{shown} → {status} with a {body.Length}-character report (request text echoed whole?)");
        }
        var after = await DatabaseSnapshot.TakeAsync(_db);
        Assert.True(sent >= 500);
        Assert.True(refused > sent / 2, $"only {refused} of {sent} hostile requests were refused");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests misbehaved:\n" + string.Join("\n", failures.Take(60)));
        Assert.Empty(after.DifferencesFrom(before));
    }

    // "POST /wfs body" requests are sent form-encoded; the others are GETs.
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string request)
    {
        if (!request.StartsWith("POST ", StringComparison.Ordinal)) return client.GetAsync(request);
        int space = request.IndexOf(' ', 5);
        var content = new StringContent(request[(space + 1)..], Encoding.UTF8, "application/x-www-form-urlencoded");
        return client.PostAsync(request[5..space], content);
    }

    private sealed class UnlimitedServer(PostgisDatabase db) : DesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:Security:RequestsPerSecond"] = "0",
        };
    }
}
