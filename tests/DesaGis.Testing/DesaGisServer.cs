using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace DesaGis.Testing;

/// <summary>The real server (Program) in memory, on a test database of its own.</summary>
public class DesaGisServer(PostgisDatabase database) : WebApplicationFactory<Program>
{
    /// <summary>Extra configuration a test class needs (e.g. a public base URL).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The database the server talks to; a test may point it elsewhere (e.g. at nothing).</summary>
    protected virtual string ConnectionString => database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config =>
        {
            var settings = new Dictionary<string, string?>(Settings)
            {
                ["DesaGis:ConnectionString"] = ConnectionString,
            };
            config.AddInMemoryCollection(settings);
        });
    }

    /// <summary>
    /// A client whose first request waits until the server says it is ready; with a role, it carries a fresh API key
    /// of that role (viewer, planner or admin).
    /// </summary>
    public async Task<HttpClient> CreateReadyClientAsync(string? role = null)
    {
        var client = CreateClient();
        if (role is not null)
        {
            var (_, secret) = await new DesaGis.Data.Security.ApiKeyStore(database.DataSource)
                .CreateAsync($"test-{role}-{Guid.NewGuid():N}", role);
            client.DefaultRequestHeaders.Add("X-API-Key", secret);
        }
        for (int i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync("/health");
            if (response.IsSuccessStatusCode) return client;
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not become ready within 10 s.");
    }
}
