using System.Net;
using System.Text.Json;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Platform;

public class HealthTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    [Fact]
    public async Task Health_says_healthy_when_PostGIS_answers_with_the_current_schema()
    {
        await using var server = new DesaGisServer(db);
        var client = await server.CreateReadyClientAsync();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("up", json.RootElement.GetProperty("database").GetString());
        Assert.StartsWith("3.", json.RootElement.GetProperty("postgis").GetString());
        Assert.Equal("Lease", json.RootElement.GetProperty("tiles").GetProperty("consistency").GetString());
    }

    [Fact]
    public async Task Health_says_unhealthy_with_503_when_the_database_cannot_be_reached()
    {
        await using var server = new UnreachableDatabaseServer(db);
        var client = server.CreateClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("down", json.RootElement.GetProperty("database").GetString());
        // Says what is wrong without telling anonymous callers where the database lives.
        string reason = json.RootElement.GetProperty("reason").GetString()!;
        Assert.Equal("the database cannot be reached", reason);
        Assert.DoesNotContain("127.0.0.1", await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.GetProperty("tiles").GetProperty("leaseHeld").GetBoolean());
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task An_unknown_path_is_a_problem_json_404()
    {
        await using var server = new DesaGisServer(db);
        var client = await server.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/thing");
        request.Headers.Accept.ParseAdd("image/png");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // Problem details are JSON whatever the client asked for, and say where and which request.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/no/such/thing", json.RootElement.GetProperty("instance").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("traceId").GetString()));
        Assert.Equal("urn:desagis:problem:not-found", json.RootElement.GetProperty("type").GetString());
    }

    private sealed class UnreachableDatabaseServer(PostgisDatabase db) : DesaGisServer(db)
    {
        // A port nothing listens on: the server must start anyway and report itself unready.
        protected override string ConnectionString => "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2";
    }
}
