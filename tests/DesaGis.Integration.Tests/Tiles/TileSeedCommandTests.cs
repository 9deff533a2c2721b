using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DesaGis.Core.Tiles;
using DesaGis.Server.Tiles;
using DesaGis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary><c>desagis tiles seed</c> against the real server on a port: afterwards the area's tiles are in its cache.</summary>
public sealed class TileSeedCommandTests : IAsyncLifetime
{
    private readonly PostgisDatabase _database = new();
    private DesaGisServer _server = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await TileTestData.SeedAsync(_database);
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _url = $"http://127.0.0.1:{port}";
        _server = new DesaGisServer(_database);
        _server.UseKestrel(port);
        _server.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(_url) };
        for (int i = 0; i < 100 && !(await client.GetAsync("/health")).IsSuccessStatusCode; i++) await Task.Delay(100);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Seeding_an_area_fills_the_cache_with_its_tiles()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "desagis.dll"), "tiles", "seed", "--bbox", "114.45,-3.1,114.65,-2.95",
                     "--zooms", "9-12", "--layers", "village_indicators,kecamatan", "--server", _url })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("Seeded", output);

        var cache = _server.Services.GetRequiredService<TileCache>();
        var (lon, lat) = TileTestData.Centre(1, 1);
        foreach (int z in new[] { 9, 10, 11, 12 })
            Assert.True(cache.Contains(new TileCacheKey("village_indicators,kecamatan", WebMercator.TileAt(lon, lat, z))), $"zoom {z}");
    }
}
