using System.Text;

namespace DesaGis.Integration.Tests.Hostile;

/// <summary>
/// Generates hostile requests across every endpoint and parameter: malformed and extreme numbers, inverted and
/// non-finite boxes, broken CQL2, unknown CRS, injection payloads in every string parameter and in headers.
/// </summary>
public static class HostileRequests
{
    public static readonly string[] Strings =
    [
        "'", "\"", "'; DROP TABLE desagis.desa; --", "\" OR 1=1 --", "1) OR (1=1", "$1", "%00", "\u0000",
        "../../etc/passwd", "<script>alert(1)</script>", new string('a', 5000), "Ñandú 🚀", "NaN", "", " ", "null",
        "{}", "[]", "%", "_", "\\", "nama)--", "nama; SELECT pg_sleep(10)", "𝕯𝖊𝖘𝖆",
    ];

    public static readonly string[] Numbers =
        ["-1", "0", "-0", "1e10", "99999999999999999999", "NaN", "Infinity", "-Infinity", "1.5", "abc", "0x10", "", "1e-400", "٣"];

    public static readonly string[] Boxes =
    [
        "NaN,0,1,1", "Infinity,0,1,1", "1,1,0,0", "0,1,1,0", "-181,-91,181,91", "1e308,1e308,-1e308,-1e308", "1,2,3",
        "1,2,3,4,5", "a,b,c,d", "179,-10,-179,10", "", ",,,", "114.5,-2.6,114.8,-2.5,0", "0,0,0,0", "1;2;3;4",
    ];

    public static readonly string[] Crs =
    [
        "EPSG:4326", "EPSG:0", "http://www.opengis.net/def/crs/EPSG/0/999999", "http://evil.example/crs",
        "'; DROP TABLE desagis.desa; --", "http://www.opengis.net/def/crs/EPSG/0/4326'", "urn:ogc:def:crs:EPSG::3857",
    ];

    public static readonly string[] Filters =
    [
        "nama = ", "nama = 'x", "((((", "nama LIKE", "S_INTERSECTS(geom, POLYGON((0 0", "unknown_prop = 1",
        "nama = 'x' OR 1=1", "poverty_rate > 'abc'", "nama IN ()", "BETWEEN", string.Concat(Enumerable.Repeat("NOT ", 500)) + "nama = 'x'",
        new string('(', 1000) + "nama = 'x'" + new string(')', 1000), "nama = 'x'; DROP TABLE desagis.desa",
        "S_INTERSECTS(geom, POINT(NaN NaN))", "S_INTERSECTS(geom, POLYGON((0 0, 1 1, 0 0)))", "\"nama\"\" = 1",
        "{\"op\":\"=\",\"args\":[{\"property\":\"x; drop\"},1]}", "{", "poverty_rate BETWEEN 10 AND", "kode IS NOT",
    ];

    public static readonly string[] Sorts = ["+nama;drop", "-", "+", "unknown", "nama,nama", "-poverty_rate,+\"kode\"", "+nama DESC"];

    public static readonly string[] Collections = ["village_indicators", "villages", "kecamatan", "programs", "no_such", "villages;drop", "..", "%2e%2e"];

    /// <summary>All requests: (method, path-and-query, optional JSON body, optional extra header).</summary>
    public static IEnumerable<HostileRequest> All()
    {
        foreach (var c in Collections)
        {
            yield return Get($"/collections/{E(c)}");
            yield return Get($"/collections/{E(c)}/queryables");
            yield return Get($"/collections/{E(c)}/items/{E("'; DROP TABLE desagis.desa; --")}");
        }
        foreach (var c in new[] { "village_indicators", "programs" })
        {
            foreach (var b in Boxes) yield return Get($"/collections/{c}/items?bbox={E(b)}");
            foreach (var n in Numbers)
            {
                yield return Get($"/collections/{c}/items?limit={E(n)}");
                yield return Get($"/collections/{c}/items?offset={E(n)}");
            }
            foreach (var crs in Crs)
            {
                yield return Get($"/collections/{c}/items?crs={E(crs)}");
                yield return Get($"/collections/{c}/items?bbox=114,-3,115,-2&bbox-crs={E(crs)}");
            }
            foreach (var f in Filters)
            {
                yield return Get($"/collections/{c}/items?filter={E(f)}");
                yield return Get($"/collections/{c}/items?filter={E(f)}&filter-lang=cql2-json");
            }
            foreach (var s in Sorts) yield return Get($"/collections/{c}/items?sortby={E(s)}");
            foreach (var s in Strings)
            {
                yield return Get($"/collections/{c}/items?properties={E(s)}");
                yield return Get($"/collections/{c}/items?kabupaten_kode={E(s)}");
                yield return Get($"/collections/{c}/items?f={E(s)}");
            }
        }
        foreach (var s in Strings)
        {
            yield return Get($"/search?q={E(s)}");
            // A NUL in the path is refused by Kestrel itself (400, before any application code), so path segments
            // get every payload but that one; query strings get it too.
            var segment = s.Contains('\0') ? "nul" : s;
            yield return Get($"/styles/{E(segment)}.json");
            yield return Get($"/tiles/{E(segment)}.json");
            yield return Get($"/planner/runs/{E(segment)}");
            yield return Get($"/planner/scenarios/{E(segment)}");
            yield return Get($"/planner/scenarios/compare?a={E(s)}&b={E(s)}");
            yield return Get($"/export/data/{E(segment)}?format=geojson");
            yield return Get($"/export/data/village_indicators?format={E(s)}");
            yield return Get($"/export/map?area={E(s)}&format=png");
            yield return Get("/collections", ("X-API-Key", Header(s)));
            yield return Get("/collections/village_indicators/items", ("Accept", Header(s)));
            yield return Get("/tiles/village_indicators/10/850/520.mvt", ("If-None-Match", Header(s)));
        }
        foreach (var n in Numbers)
        {
            yield return Get($"/search?q=Sungai&limit={E(n)}");
            yield return Get($"/export/map?kabupaten=99.01&dpi={E(n)}&format=png");
        }
        string[] zs = ["-1", "0", "24", "25", "31", "32", "2147483648", "99999999999999", "a", "1.5", "%2e%2e"];
        foreach (var z in zs)
        {
            yield return Get($"/tiles/village_indicators/{z}/0/0.mvt");
            yield return Get($"/tiles/village_indicators/3/{z}/0.mvt");
            yield return Get($"/tiles/village_indicators/3/0/{z}.mvt");
            yield return Get($"/collections/village_indicators/tiles/WebMercatorQuad/{z}/0/0");
            yield return Get($"/tiles/no_such,village_indicators/{z}/0/0.mvt");
        }
        foreach (var body in PlannerBodies()) yield return new HostileRequest("POST", "/planner/runs", body, null);
        yield return new HostileRequest("POST", "/planner/scenarios", "{\"name\":\"x\"}", null);
        yield return new HostileRequest("POST", "/admin/import", "not a file", null);
        yield return Get("/collections/village_indicators/items", ("Accept-Encoding", "gzip;q=NaN, br;q=-1, zstd, *;q=1e999"));

        // Projected CRSs with coordinates outside their area (PROJ refuses to project them).
        foreach (var crs in new[] { "EPSG:32750", "EPSG:32646", "EPSG:32654", "EPSG:32650", "EPSG:3857" })
        {
            foreach (var box in new[] { "1e9,1e9,2e9,2e9", "-5000000,0,5000000,1000000", "-1e308,-1e308,1e308,1e308", "0,0,1,1", "500000,9700000,510000,9710000" })
                yield return Get($"/collections/village_indicators/items?bbox={E(box)}&bbox-crs={E(crs)}");
            foreach (var wkt in new[] { "POINT(1e9 1e9)", "POLYGON((-9e6 0,9e6 0,9e6 1e7,-9e6 0))", "POINT(500000 9700000)", "LINESTRING(0 0,1e12 1e12)" })
                yield return Get($"/collections/village_indicators/items?filter-crs={E(crs)}&filter={E($"S_INTERSECTS(geometry,{wkt})")}");
        }
        // Routing, methods and binding: every framework error is a problem with a title and a detail.
        foreach (var path in new[] { "/no/such/route", "/collections/village_indicators/items/1/2/3", "/viewer/index.html/", "/viewer/assets/",
                     "/viewer/%2e%2e/%2e%2e/etc/passwd", "/planner/scenarios/99999999999999999999999", "/tiles/", "/wms/x", "/%00", "/collections%01" })
            yield return Get(path);
        foreach (var method in new[] { "DELETE", "PUT", "PATCH" })
        {
            yield return new HostileRequest(method, "/collections", null, null);
            yield return new HostileRequest(method, "/tiles/village_indicators/10/850/520.mvt", null, null);
            yield return new HostileRequest(method, "/planner/runs", "{}", null);
        }
        foreach (var n in Numbers)
        {
            yield return Get($"/planner/scenarios?limit={E(n)}");
            yield return Get($"/planner/scenarios/{E(n)}/export?format=csv");
        }
        // Expensive requests that are over their limit, refused before the work.
        foreach (var box in new[] { "-180,-85,180,85", "110,-5,115,0", "90,-11,141,6" })
        {
            yield return Get($"/export/package?bbox={E(box)}");
            yield return Get($"/export/map?bbox={E(box)}&format=png");
        }
        yield return Get("/collections/village_indicators/items?filter=" + E("poverty_rate IN (" + string.Join(",", Enumerable.Repeat("1", 5000)) + ")"));
        yield return Get("/collections/village_indicators/items?filter=" + E("S_INTERSECTS(geometry, MULTIPOLYGON(" + string.Join(",", Enumerable.Repeat("((0 0,1 0,1 1,0 1,0 0))", 600)) + "))"));
        yield return new HostileRequest("POST", "/export/map", "{\"bbox\":[114,-3,115,-2],\"title\":\"" + new string('x', 1_100_000) + "\"}", null);
        yield return new HostileRequest("POST", "/export/map", "{\"bbox\":", null);
        yield return new HostileRequest("POST", "/export/map", "[" + new string('[', 5000), null);
        foreach (var lang in new[] { "en", "id", "xx", "" })
            yield return Get($"/collections/no_such?lang={lang}");
    }

    private static IEnumerable<string> PlannerBodies()
    {
        yield return "";
        yield return "{";
        yield return "[]";
        yield return "null";
        yield return "{\"criteria\":\"'; DROP TABLE desagis.desa; --\"}";
        yield return "{\"criteria\":[{\"name\":\"no_such\",\"weight\":1}]}";
        yield return "{\"criteria\":[{\"name\":\"poverty_rate\",\"weight\":-1}]}";
        yield return "{\"criteria\":[{\"name\":\"poverty_rate\",\"weight\":0}]}";
        yield return "{\"criteria\":[{\"name\":\"poverty_rate\",\"weight\":\"NaN\"}]}";
        yield return "{\"criteria\":[{\"name\":\"poverty_rate\",\"weight\":1e309}]}";
        yield return "{\"method\":\"reach\",\"k\":-5,\"radiusKm\":-1}";
        yield return "{\"method\":\"reach\",\"k\":99999999999,\"radiusKm\":1e308}";
        yield return "{\"area\":{\"polygon\":\"POLYGON((0 0, 1 1\"}}";
        yield return new string('[', 100_000);
        yield return "{\"name\":\"" + new string('x', 200_000) + "\"}";
    }

    private static HostileRequest Get(string path, (string Name, string Value)? header = null) => new("GET", path, null, header);

    private static string E(string s) => Uri.EscapeDataString(s);

    /// <summary>Header values cannot carry control characters; those are replaced so the request can be sent at all.</summary>
    private static string Header(string s)
    {
        var sb = new StringBuilder();
        foreach (var ch in s) sb.Append(ch < 0x20 || ch > 0x7e ? '?' : ch);
        return sb.ToString();
    }
}

/// <summary>One hostile request.</summary>
public sealed record HostileRequest(string Method, string Path, string? JsonBody, (string Name, string Value)? Header)
{
    public override string ToString() => $"{Method} {(Path.Length > 160 ? Path[..160] + "…" : Path)}{(Header is { } h ? $" [{h.Name}: {h.Value[..Math.Min(40, h.Value.Length)]}]" : "")}";
}
