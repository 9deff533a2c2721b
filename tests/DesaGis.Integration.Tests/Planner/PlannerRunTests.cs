using DesaGis.Data.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DesaGis.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DesaGis.Integration.Tests.Planner;

public class PlannerRunTests(PlannerFixture fixture) : IClassFixture<PlannerFixture>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(HttpClient client, string path, string json)
    {
        var response = await client.PostAsync(path, Json(json));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body, response);
    }

    [Fact]
    public async Task A_ranking_run_returns_the_poorest_eligible_villages_with_explanations()
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        var (status, body, response) = await PostAsync(client, "/planner/runs", """
            { "k": 4, "criteria": [ { "criterion": "poverty_rate", "weight": 2 }, { "criterion": "partner_gap", "weight": 1 } ],
              "area": { "kabupaten": ["63.98"] }, "constraints": { "maxPerKecamatan": 2 }, "robustness": { "draws": 50, "seed": 1 } }
            """);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var selected = body.GetProperty("selected").EnumerateArray().ToList();
        // 2004 is the poorest (30 %) but a partner already works there, so the gap criterion ranks it below 2009 (28),
        // 2007 (26) and 2003 (22); 2006 (18) would come next but kecamatan 02 already has its two pilots.
        Assert.Equal(["63.98.02.2009", "63.98.02.2007", "63.98.01.2003", "63.98.01.2004"], selected.Select(s => s.GetProperty("kode").GetString()));
        foreach (var s in selected)
        {
            var sum = s.GetProperty("contributions").EnumerateArray().Sum(c => c.GetProperty("contribution").GetDouble());
            Assert.Equal(s.GetProperty("score").GetDouble(), sum, 9);
            Assert.InRange(s.GetProperty("stability").GetDouble(), 0, 1);
        }
        var runnersUp = body.GetProperty("runnersUp").EnumerateArray().ToList();
        Assert.Contains(runnersUp, r => r.GetProperty("kode").GetString() == "63.98.02.2006" && r.GetProperty("reason").GetString() == "constraint");
        Assert.Equal(10, body.GetProperty("summary").GetProperty("candidates").GetInt32());

        var location = response.Headers.Location!.ToString();
        var again = await client.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal(body.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(4, again.GetProperty("selected").GetArrayLength());
    }

    [Fact]
    public async Task A_reach_run_spreads_pilots_over_both_kecamatan()
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        var (status, body, _) = await PostAsync(client, "/planner/runs", """
            { "method": "reach", "k": 2, "criteria": [ { "criterion": "poverty_rate" } ],
              "reach": { "radiusKm": 5, "exact": true }, "robustness": { "draws": 5 } }
            """);

        Assert.Equal(HttpStatusCode.Created, status);
        var kecamatan = body.GetProperty("selected").EnumerateArray().Select(s => s.GetProperty("kecamatanKode").GetString()).ToHashSet();
        Assert.Equal(["63.98.01", "63.98.02"], kecamatan.Order());
        Assert.Equal(10, body.GetProperty("summary").GetProperty("covered").GetInt32());
        Assert.Equal(8, body.GetProperty("covered").GetArrayLength());
        Assert.Equal(0, body.GetProperty("exact").GetProperty("gapPercent").GetDouble());
    }

    [Fact]
    public async Task The_kabupaten_seat_is_the_centre_of_its_kelurahan()
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        var (_, body, _) = await PostAsync(client, "/planner/runs", """
            { "k": 1, "criteria": [ { "criterion": "distance_to_seat", "direction": "cost" } ], "robustness": { "draws": 0 } }
            """);
        // The two kelurahan (1001, 1002) sit side by side; the seat is between them, so 1001 (lower code) wins the tie.
        var top = body.GetProperty("selected")[0];
        Assert.StartsWith("63.98.01.100", top.GetProperty("kode").GetString());
        var value = top.GetProperty("contributions")[0].GetProperty("value").GetDouble();
        Assert.InRange(value, 0.8, 1.4);
    }

    [Fact]
    public async Task A_drawn_polygon_limits_the_candidates_to_the_villages_inside_it()
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        // A GeoJSON box around the first row (kecamatan 63.98.01) only.
        var (status, body, _) = await PostAsync(client, "/planner/runs", """
            { "k": 5, "criteria": [ { "criterion": "poverty_rate" } ], "robustness": { "draws": 0 },
              "area": { "polygon": { "type": "Polygon", "coordinates": [[[114.49, -3.21], [114.60, -3.21], [114.60, -3.17], [114.49, -3.17], [114.49, -3.21]]] } } }
            """);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(5, body.GetProperty("summary").GetProperty("candidates").GetInt32());
        Assert.All(body.GetProperty("selected").EnumerateArray(), s => Assert.Equal("63.98.01", s.GetProperty("kecamatanKode").GetString()));

        var (wktStatus, wkt, _) = await PostAsync(client, "/planner/runs", """
            { "k": 1, "criteria": [ { "criterion": "poverty_rate" } ], "robustness": { "draws": 0 },
              "area": { "polygon": "POLYGON((114.49 -3.09, 114.60 -3.09, 114.60 -3.05, 114.49 -3.05, 114.49 -3.09))" } }
            """);
        Assert.Equal(HttpStatusCode.Created, wktStatus);
        Assert.Equal("63.98.02.2009", wkt.GetProperty("selected")[0].GetProperty("kode").GetString());
    }

    [Theory]
    [InlineData("""{ "criteria": [ { "criterion": "wealth" } ] }""", "criteria[0].criterion", "Known criteria")]
    [InlineData("""{ "criteria": [ { "criterion": "poverty_rate", "weight": -2 } ] }""", "criteria[0].weight", "0 or more")]
    [InlineData("""{ "criteria": [ { "criterion": "poverty_rate", "weight": 0 } ] }""", "criteria", "All weights are zero")]
    [InlineData("""{ "criteria": [ { "criterion": "poverty_rate" } ], "constraints": { "thresholds": [ { "criterion": "poverty_rate", "min": 50, "max": 10 } ] } }""", "constraints.thresholds[0]", "greater than max")]
    [InlineData("""{ "criteria": [ { "criterion": "poverty_rate" } ], "constraints": { "thresholds": [ { "criterion": "poverty_rate", "min": 90 } ] } }""", "constraints", "loosen")]
    [InlineData("""{ "criteria": [ { "criterion": "poverty_rate" } ], "area": { "kabupaten": ["61.06"] } }""", "area", "No village lies in the given area")]
    [InlineData("""{ "criteria": [ { "criterion": "poverty_rate" } ], "pins": { "include": ["63.98.01.2003"] }, "area": { "kecamatan": ["63.98.02"] } }""", "pins.include", "outside the area")]
    public async Task A_plan_that_cannot_run_is_a_400_saying_what_to_change(string json, string path, string message)
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        var (status, body, response) = await PostAsync(client, "/planner/runs", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:desagis:problem:invalid-plan", body.GetProperty("type").GetString());
        Assert.Contains(message, body.GetProperty("detail").GetString());
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == path);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_invalid_body_and_an_unknown_run_a_404()
    {
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        var (status, body, _) = await PostAsync(client, "/planner/runs", """{ "k": "ten", "criteria": [] }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("urn:desagis:problem:invalid-body", body.GetProperty("type").GetString());

        var (typoStatus, typo, _) = await PostAsync(client, "/planner/runs", """{ "critera": [ { "criterion": "poverty_rate" } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, typoStatus);
        Assert.Contains("Unknown property 'critera'", typo.GetProperty("detail").GetString());

        using var missing = await client.GetAsync("/planner/runs/r-0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_planner_endpoint_is_named_and_described_for_the_OpenAPI_document()
    {
        await using var server = new DesaGisServer(fixture.Db);
        using var client = server.CreateClient();
        var names = server.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).ToHashSet();
        foreach (var name in new[] { "CreatePlannerRun", "GetPlannerRun", "ListPlannerScenarios", "SavePlannerScenario", "GetPlannerScenario", "ComparePlannerScenarios", "ExportPlannerScenario" })
            Assert.Contains(name, names);
        var summaries = server.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName?.Contains("Planner") == true)
            .Select(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>()?.Summary);
        Assert.All(summaries, s => Assert.False(string.IsNullOrEmpty(s)));
    }
}
