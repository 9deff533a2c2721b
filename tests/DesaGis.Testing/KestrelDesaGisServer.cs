using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DesaGis.Testing;

/// <summary>
/// The real server on a real Kestrel port (127.0.0.1, chosen by the OS), for clients that cannot use an in-memory
/// handler: GDAL, curl, headless Chromium. Start it with <see cref="StartAsync"/>; <see cref="BaseUri"/> is then the
/// address to give them.
/// </summary>
public class KestrelDesaGisServer(PostgisDatabase database) : DesaGisServer(database)
{
    private Uri? _baseUri;

    /// <summary>The server's root URL, e.g. http://127.0.0.1:41234/ (with a trailing slash).</summary>
    public Uri BaseUri => _baseUri ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>An absolute URL on the server for a path such as "/collections".</summary>
    public string Url(string pathAndQuery) => new Uri(BaseUri, pathAndQuery.TrimStart('/')).ToString();

    /// <summary>Starts Kestrel on a free loopback port and waits until the server reports itself ready.</summary>
    public async Task<Uri> StartAsync()
    {
        if (_baseUri is not null) return _baseUri;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        var address = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
        _baseUri = new Uri(address.TrimEnd('/') + "/");
        using var client = CreateHttpClient();
        for (int i = 0; i < 100; i++)
        {
            try
            {
                using var response = await client.GetAsync("health");
                if (response.IsSuccessStatusCode) return _baseUri;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not become ready within 10 s.");
    }

    /// <summary>A plain HttpClient on the real port (not the in-memory handler).</summary>
    public HttpClient CreateHttpClient() => new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
    {
        BaseAddress = BaseUri,
        Timeout = TimeSpan.FromMinutes(2),
    };
}
