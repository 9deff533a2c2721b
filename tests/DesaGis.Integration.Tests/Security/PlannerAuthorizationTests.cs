using System.Net;
using System.Text;
using DesaGis.Data.Security;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Security;

public class PlannerAuthorizationTests : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    private const string Plan = """{"method":"ranking","k":3,"criteria":[{"criterion":"poverty_rate","weight":1}]}""";
    private readonly PostgisDatabase _db;

    public PlannerAuthorizationTests(PostgisDatabase db) => _db = db;

    public async Task InitializeAsync()
    {
        if (await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa") == 0) await SmallDataset.LoadAsync(_db);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Viewer, HttpStatusCode.Forbidden)]
    public async Task Running_and_saving_plans_needs_the_planner_role(string? role, HttpStatusCode expected)
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync(role);
        foreach (var path in new[] { "/planner/runs", "/planner/scenarios" })
        {
            using var response = await client.PostAsync(path, new StringContent(Plan, Encoding.UTF8, "application/json"));
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.audit_log WHERE action = 'save-scenario'"));
    }

    [Fact]
    public async Task A_planner_saves_a_scenario_and_the_write_is_audited()
    {
        await using var server = new DesaGisServer(_db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        var body = """{"name":"Uji audit","parameters":""" + Plan + "}";
        using var response = await client.PostAsync("/planner/scenarios", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.audit_log WHERE action = 'save-scenario' AND details->>'name' = 'Uji audit'"));
    }
}
