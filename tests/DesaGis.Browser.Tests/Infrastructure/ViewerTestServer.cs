using DesaGis.Testing;
using Microsoft.AspNetCore.Hosting;

namespace DesaGis.Browser.Tests.Infrastructure;

/// <summary>
/// The real server on a real loopback port (Kestrel, not the in-memory test server), so that a browser can load the
/// viewer and everything it fetches from it.
/// </summary>
public class ViewerTestServer(PostgisDatabase database, string? webRoot = null) : DesaGisServer(database)
{
    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (webRoot is not null) builder.UseWebRoot(webRoot);
    }

    /// <summary>Starts Kestrel on a free port and waits until the server says it is ready.</summary>
    public async Task StartAsync()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        for (int i = 0; i < 150; i++)
        {
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server at {BaseUrl} did not become ready within 15 s.");
    }
}
