using System.Net;
using System.Text.Json;
using DesaGis.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace DesaGis.Integration.Tests.Faults;

/// <summary>PostGIS stopped and restarted under a running, loaded server: 503s with Retry-After, then recovery.</summary>
public class DatabaseOutageTests
{
    /// <summary>Endpoints that need the database, hit during the outage.</summary>
    private static readonly string[] DatabasePaths =
    [
        "/health",
        "/collections/village_indicators/items?limit=5",
        "/tiles/village_indicators/12/3400/2080.mvt",
    ];

    [Fact]
    public async Task The_server_answers_503_during_an_outage_and_recovers_by_itself()
    {
        await using var cluster = await DisposableCluster.StartAsync();
        await using var server = new ClusterServer(cluster.ConnectionString);
        var client = server.CreateClient();
        await WaitUntilAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(30));

        using var load = new CancellationTokenSource();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string Path, int Status, string? MediaType, bool RetryAfter)>();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            int i = w;
            while (!load.IsCancellationRequested)
            {
                var path = DatabasePaths[i++ % DatabasePaths.Length];
                using var response = await client.GetAsync(path, CancellationToken.None);
                statuses.Add((path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null));
            }
        })).ToArray();

        await Task.Delay(500);
        await cluster.StopServerAsync();
        await Task.Delay(1500);
        var duringOutage = statuses.Count;
        await cluster.StartServerAsync();
        await WaitUntilAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        await load.CancelAsync();
        await Task.WhenAll(workers);

        var all = statuses.ToList();
        Assert.True(duringOutage > 0);
        Assert.DoesNotContain(all, s => s.Status >= 500 && s.Status != 503);
        var unavailable = all.Where(s => s.Status == 503).ToList();
        Assert.NotEmpty(unavailable);
        Assert.All(unavailable, s => Assert.True(s.RetryAfter, $"{s.Path} answered 503 without Retry-After"));
        Assert.All(unavailable.Where(s => s.Path != "/health"), s => Assert.Equal("application/problem+json", s.MediaType));

        using var after = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var json = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());

        // The restart ended the tile lease's session; the server takes a new lease and serves from memory again.
        bool leaseHeld = false;
        for (int i = 0; i < 300 && !leaseHeld; i++)
        {
            using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
            leaseHeld = health.RootElement.GetProperty("tiles").GetProperty("leaseHeld").GetBoolean();
            if (!leaseHeld) await Task.Delay(100);
        }
        Assert.True(leaseHeld, "the tile lease was not taken again after the restart");
    }

    [Fact]
    public async Task The_server_starts_before_PostGIS_and_becomes_ready_when_it_comes_up()
    {
        await using var cluster = await DisposableCluster.StartAsync();
        await cluster.StopServerAsync();
        await using var server = new ClusterServer(cluster.ConnectionString);
        var client = server.CreateClient();
        using (var early = await client.GetAsync("/health"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
        await cluster.StartServerAsync();
        await WaitUntilAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(40));
    }

    private static async Task WaitUntilAsync(HttpClient client, HttpStatusCode status, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            using var response = await client.GetAsync("/health");
            if (response.StatusCode == status) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"/health did not answer {status} within {within.TotalSeconds} s.");
    }

    private sealed class ClusterServer(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DesaGis:ConnectionString"] = connectionString,
                ["DesaGis:Security:RequestsPerSecond"] = "0",
            }));
        }
    }
}
