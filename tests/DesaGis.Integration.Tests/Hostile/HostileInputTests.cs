using System.Net;
using System.Text;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Hostile;

/// <summary>
/// Hundreds of hostile requests across every endpoint: none may cause a 5xx, every error must be problem+json
/// without internals, and the database must be exactly as before.
/// </summary>
public class HostileInputTests : IClassFixture<PostgisDatabase>, IAsyncLifetime
{
    // Internals that must never reach a client: driver names, stack frames, our SQL (request text echoed back in a
    // detail is fine, so SQL keywords alone are not a sign).
    private static readonly string[] Leaks = ["Npgsql", "PostgresException", "   at DesaGis", "\"desagis\".", "ST_AsMVT", "ST_Transform(", "Exception:", "Password="];
    private readonly PostgisDatabase _db;

    public HostileInputTests(PostgisDatabase db) => _db = db;

    public async Task InitializeAsync()
    {
        if (await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa") == 0) await SmallDataset.LoadAsync(_db);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_suite_has_at_least_300_requests()
    {
        Assert.True(HostileRequests.All().Count() >= 300, $"only {HostileRequests.All().Count()} hostile requests");
    }

    [Fact]
    public async Task Hostile_requests_get_clear_4xx_problems_and_leave_the_database_unchanged()
    {
        // Over a real Kestrel port, so the requests meet the same HTTP parsing a real client's do.
        await using var server = new UnlimitedServer(_db);
        server.UseKestrel(0);
        server.StartServer();
        var client = await server.CreateReadyClientAsync();
        var before = await DatabaseSnapshot.TakeAsync(_db);

        var failures = new List<string>();
        int sent = 0;
        foreach (var request in HostileRequests.All())
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
            if (request.JsonBody is not null) message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
            if (request.Header is { } h) message.Headers.TryAddWithoutValidation(h.Name, h.Value);
            using var response = await client.SendAsync(message);
            sent++;
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500 && !(status == 503 && response.Headers.RetryAfter is not null))
                failures.Add($"{request} → {status}");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{request} → {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}");
            else if (status >= 400 && !HasTitleAndDetail(body))
                failures.Add($"{request} → {status} without a title and a detail: {body[..Math.Min(200, body.Length)]}");
            else if (status >= 400 && Leaks.FirstOrDefault(l => body.Contains(l, StringComparison.Ordinal)) is { } leak)
                failures.Add($"{request} → {status} leaks '{leak}'");
            else if (status == (int)HttpStatusCode.OK && request.Path.Contains("DROP", StringComparison.OrdinalIgnoreCase) && body.Contains("pg_", StringComparison.Ordinal))
                failures.Add($"{request} → 200 with database internals");
        }

        var after = await DatabaseSnapshot.TakeAsync(_db);
        Assert.True(sent >= 300);
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests misbehaved:\n" + string.Join("\n", failures.Take(60)));
        Assert.Empty(after.DifferencesFrom(before));
    }

    private static bool HasTitleAndDetail(string body)
    {
        try
        {
            var root = System.Text.Json.JsonDocument.Parse(body).RootElement;
            return root.TryGetProperty("title", out var t) && !string.IsNullOrWhiteSpace(t.GetString()) &&
                   root.TryGetProperty("detail", out var d) && !string.IsNullOrWhiteSpace(d.GetString());
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private sealed class UnlimitedServer(PostgisDatabase db) : DesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:Security:RequestsPerSecond"] = "0",
        };
    }
}
