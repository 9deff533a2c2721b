using DesaGis.Data.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Planner;

public class PlannerScenarioTests(PlannerFixture fixture) : IClassFixture<PlannerFixture>
{
    private const string RankingPlan = """
        { "k": 2, "criteria": [ { "criterion": "poverty_rate" } ], "robustness": { "draws": 0 } }
        """;
    private const string ReachPlan = """
        { "method": "reach", "k": 2, "criteria": [ { "criterion": "poverty_rate" } ], "reach": { "radiusKm": 5 }, "robustness": { "draws": 0 } }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<long> SaveAsync(HttpClient client, string name, string plan)
    {
        using var response = await client.PostAsync("/planner/scenarios", Json($$"""{ "name": "{{name}}", "author": "bappeda", "parameters": {{plan}} }"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadAsync(response)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task A_saved_run_is_listed_read_back_and_served_as_map_layers()
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        using var run = await client.PostAsync("/planner/runs", Json(ReachPlan));
        var runId = (await ReadAsync(run)).GetProperty("id").GetString();

        using var saved = await client.PostAsync("/planner/scenarios", Json($$"""{ "name": "Reach 5 km", "author": "Dinas PMD", "runId": "{{runId}}" }"""));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var scenario = await ReadAsync(saved);
        long id = scenario.GetProperty("id").GetInt64();
        Assert.Equal($"/planner/scenarios/{id}", saved.Headers.Location?.ToString());
        Assert.Equal("reach", scenario.GetProperty("method").GetString());
        Assert.Equal(2, scenario.GetProperty("pilotCount").GetInt32());
        Assert.Equal(8, scenario.GetProperty("coveredCount").GetInt32());
        Assert.Equal(runId, scenario.GetProperty("result").GetProperty("id").GetString());

        var list = await client.GetFromJsonAsync<JsonElement>("/planner/scenarios");
        Assert.Contains(list.GetProperty("scenarios").EnumerateArray(), s => s.GetProperty("id").GetInt64() == id && s.GetProperty("name").GetString() == "Reach 5 km");

        var read = await client.GetFromJsonAsync<JsonElement>($"/planner/scenarios/{id}");
        Assert.Equal(5, read.GetProperty("parameters").GetProperty("reach").GetProperty("radiusKm").GetDouble());

        // The layers behind the scenario_pilots and scenario_coverage collections.
        Assert.Equal(2, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM desagis.scenario_pilots WHERE scenario_id = $1", id));
        Assert.Equal(8, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM desagis.scenario_coverage WHERE scenario_id = $1", id));
        Assert.Equal("ST_Point", await fixture.Db.ScalarAsync<string>("SELECT DISTINCT ST_GeometryType(geom_3857) FROM desagis.scenario_pilots WHERE scenario_id = $1", id));
        Assert.Equal(3857, await fixture.Db.ScalarAsync<int>("SELECT DISTINCT ST_SRID(geom_3857) FROM desagis.scenario_coverage WHERE scenario_id = $1", id));
        var pilots = DesaGis.Data.Catalog.LayerCatalog.Default.Find("scenario_pilots");
        Assert.NotNull(pilots?.FindProperty("scenario_id"));
        Assert.NotNull(DesaGis.Data.Catalog.LayerCatalog.Default.Find("scenario_coverage")?.FindProperty("pilot_kode"));
    }

    [Fact]
    public async Task Comparing_two_scenarios_names_the_villages_that_differ_and_why()
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        long a = await SaveAsync(client, "Ranking", RankingPlan);
        long b = await SaveAsync(client, "Reach", ReachPlan);

        var cmp = await client.GetFromJsonAsync<JsonElement>($"/planner/scenarios/compare?a={a}&b={b}");
        Assert.Equal("ranking", cmp.GetProperty("a").GetProperty("method").GetString());
        // Ranking picks the two poorest (2004 at 30 %, 2009 at 28 %); reach picks the centre of each row (2003, 2008).
        var onlyA = cmp.GetProperty("onlyInA").EnumerateArray().Select(v => v.GetProperty("kode").GetString()).Order().ToList();
        Assert.Equal(["63.98.01.2004", "63.98.02.2009"], onlyA);
        Assert.All(cmp.GetProperty("onlyInA").EnumerateArray(), v => Assert.StartsWith("in b: ", v.GetProperty("whyNotInOther").GetString()));
        Assert.Contains(cmp.GetProperty("onlyInA").EnumerateArray(), v => v.GetProperty("whyNotInOther").GetString()!.Contains("within reach of pilot"));
        Assert.Equal(2, cmp.GetProperty("onlyInB").GetArrayLength());
        Assert.Contains(cmp.GetProperty("parameterDifferences").EnumerateArray(), d => d.GetProperty("path").GetString() == "method");

        using var bad = await client.GetAsync("/planner/scenarios/compare?a=x&b=1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var missing = await client.GetAsync($"/planner/scenarios/compare?a={a}&b=999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_scenario_exports_as_GeoJSON_and_CSV()
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        long id = await SaveAsync(client, "Export", ReachPlan);

        using var geo = await client.GetAsync($"/planner/scenarios/{id}/export?format=geojson");
        Assert.Equal(HttpStatusCode.OK, geo.StatusCode);
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        var fc = await ReadAsync(geo);
        var features = fc.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(10, features.Count);
        var pilots = features.Where(f => f.GetProperty("properties").GetProperty("role").GetString() == "pilot").ToList();
        Assert.Equal(2, pilots.Count);
        Assert.All(pilots, p => Assert.Equal("Point", p.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.All(features.Except(pilots), f => Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString()));

        using var csv = await client.GetAsync($"/planner/scenarios/{id}/export?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("role,kode,nama,kecamatan_kode,rank,score,stability,pinned,pilot_kode,distance_km,lon,lat", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("pilot,", lines[1]);
        // The name with quotes is quoted the RFC 4180 way.
        Assert.Contains(lines, l => l.Contains("\"Sungai \"\"Dalam\"\"\""));

        using var badFormat = await client.GetAsync($"/planner/scenarios/{id}/export?format=xls");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        using var missing = await client.GetAsync("/planner/scenarios/999999/export");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Saving_needs_a_name_and_exactly_one_of_run_or_parameters()
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        foreach (var body in new[]
                 {
                     """{ "name": "", "parameters": { "criteria": [ { "criterion": "population" } ] } }""",
                     """{ "name": "x" }""",
                     """{ "name": "x", "runId": "r-0000000000000000" }""",
                 })
        {
            using var response = await client.PostAsync("/planner/scenarios", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        using var invalid = await client.PostAsync("/planner/scenarios", Json("""{ "name": "x", "parameters": { "criteria": [ { "criterion": "nope" } ] } }"""));
        Assert.Equal("urn:desagis:problem:invalid-plan", (await ReadAsync(invalid)).GetProperty("type").GetString());
    }
}
