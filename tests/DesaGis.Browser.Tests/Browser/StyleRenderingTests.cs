using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DesaGis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;

namespace DesaGis.Browser.Tests.Browser;

/// <summary>
/// The repository's MapLibre style, rendered by MapLibre GL JS in headless Chromium against the real server: the
/// village polygons must appear in their poverty-class colours (checked on pixels), with tiles, style and glyphs all
/// coming from the server.
/// </summary>
public sealed class StyleRenderingTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const double West = 114.50, North = -3.00, Cell = 0.02;

    private readonly PostgisDatabase _database = new();
    private readonly string _page = Path.Combine(Path.GetTempPath(), "desagis-style-" + Guid.NewGuid().ToString("N"));
    private StylePageServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        var maplibre = RepositoryPaths.Combine("styles", "tooling", "node_modules", "maplibre-gl", "dist");
        if (!File.Exists(Path.Combine(maplibre, "maplibre-gl.mjs")))
            throw new InvalidOperationException("MapLibre GL JS is not installed: run 'scripts/deps.sh test' (npm ci in styles/tooling).");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: run 'scripts/deps.sh test'.");
        Directory.CreateDirectory(_page);
        foreach (var file in new[] { "maplibre-gl.mjs", "maplibre-gl-shared.mjs", "maplibre-gl-worker.mjs", "maplibre-gl.css" })
            File.Copy(Path.Combine(maplibre, file), Path.Combine(_page, file));
        await File.WriteAllTextAsync(Path.Combine(_page, "index.html"), PageHtml);

        await _database.InitializeAsync();
        _server = new StylePageServer(_database, _page, FreePort());
        _server.StartServer();
        using (var client = _server.CreateClient())
        {
            for (int i = 0; i < 100 && !(await client.GetAsync("/health")).IsSuccessStatusCode; i++) await Task.Delay(100);
        }
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_page)) Directory.Delete(_page, recursive: true);
    }

    /// <summary>Two adjoining villages, one in the lowest poverty class (2 %) and one in the highest (35 %).</summary>
    private async Task SeedAsync()
    {
        string Box(double w, double s, double e, double n) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"MULTIPOLYGON((({w} {s},{e} {s},{e} {n},{w} {n},{w} {s})))");
        await _database.ExecuteAsync("INSERT INTO desagis.kabupaten (kode, nama, geom) VALUES ('63.04', 'Barito Kuala', ST_GeomFromText($1, 4326))",
            Box(West - 0.1, North - 0.1, West + 0.2, North + 0.05));
        await _database.ExecuteAsync("INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ('63.04.01.2001', 'Desa Makmur', 'desa', ST_GeomFromText($1, 4326)), ('63.04.01.2002', 'Desa Miskin', 'desa', ST_GeomFromText($2, 4326))",
            Box(West, North - Cell, West + Cell, North), Box(West + Cell, North - Cell, West + 2 * Cell, North));
        await _database.ExecuteAsync("INSERT INTO desagis.village_indicator (desa_kode, year, poverty_rate, source) VALUES ('63.04.01.2001', 2024, 2.0, 'test'), ('63.04.01.2002', 2024, 35.0, 'test')");
        await _database.ExecuteAsync("SELECT desagis.refresh_village_summary(NULL)");
    }

    [Fact]
    public async Task MapLibre_draws_the_villages_in_their_poverty_class_colours_from_the_served_style()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 600, Height = 600 } });
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, r) => failed.Add(r.Url);
        await page.GotoAsync($"{_server.BaseUrl}/__style-test/index.html#{West + Cell}/{North - Cell / 2}/13");
        await page.WaitForFunctionAsync("() => window.__idle === true || (window.__errors || []).length > 0",
            null, new PageWaitForFunctionOptions { Timeout = 90_000 });

        var errors = await page.EvaluateAsync<string[]>("() => window.__errors || []");
        Assert.Empty(errors);
        Assert.Empty(failed);

        // Colours after fill-opacity 0.85 over the style's background (#eef3f6).
        var counts = await page.EvaluateAsync<JsonElement>(CountPixelsScript);
        int total = counts.GetProperty("total").GetInt32();
        int low = counts.GetProperty("low").GetInt32();
        int high = counts.GetProperty("high").GetInt32();
        // Each village covers about a fifth of the 600×600 map at zoom 13.
        Assert.True(low > total / 20, $"the 2 % village's yellow covers {low} of {total} pixels");
        Assert.True(high > total / 20, $"the 35 % village's dark red covers {high} of {total} pixels");
        // The west half is the low class, the east half the high class.
        Assert.True(counts.GetProperty("lowWest").GetInt32() > counts.GetProperty("lowEast").GetInt32());
        Assert.True(counts.GetProperty("highEast").GetInt32() > counts.GetProperty("highWest").GetInt32());
    }

    private const string CountPixelsScript = """
        () => {
          const src = window.__map.getCanvas();
          const c = document.createElement('canvas');
          c.width = src.width; c.height = src.height;
          const ctx = c.getContext('2d');
          ctx.drawImage(src, 0, 0);
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          const near = (i, r, g, b) => Math.abs(d[i] - r) < 14 && Math.abs(d[i + 1] - g) < 14 && Math.abs(d[i + 2] - b) < 14;
          let low = 0, high = 0, lowWest = 0, lowEast = 0, highWest = 0, highEast = 0;
          for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) {
            const i = (y * c.width + x) * 4, west = x < c.width / 2;
            if (near(i, 252, 253, 188)) { low++; if (west) lowWest++; else lowEast++; }
            if (near(i, 196, 36, 69)) { high++; if (west) highWest++; else highEast++; }
          }
          return { total: c.width * c.height, low, high, lowWest, lowEast, highWest, highEast };
        }
        """;

    private const string PageHtml = """
        <!doctype html>
        <html><head><meta charset="utf-8"><link rel="stylesheet" href="maplibre-gl.css">
        <style>html, body, #map { margin: 0; width: 100%; height: 100%; }</style></head>
        <body><div id="map"></div>
        <script type="module">
          import * as maplibregl from './maplibre-gl.mjs';
          const [lon, lat, zoom] = location.hash.slice(1).split('/').map(Number);
          window.__errors = [];
          const map = new maplibregl.Map({
            container: 'map', style: location.origin + '/styles/desagis.json', center: [lon, lat], zoom,
            attributionControl: false, fadeDuration: 0, canvasContextAttributes: { preserveDrawingBuffer: true },
          });
          map.on('error', e => window.__errors.push(String((e.error && e.error.message) || e.error || e)));
          map.on('idle', () => { window.__idle = true; });
          window.__map = map;
        </script></body></html>
        """;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The real server on a Kestrel port, also serving the test page and MapLibre from the same origin.</summary>
    private sealed class StylePageServer : DesaGisServer
    {
        private readonly string _pageDirectory;

        public StylePageServer(PostgisDatabase database, string pageDirectory, int port) : base(database)
        {
            _pageDirectory = pageDirectory;
            BaseUrl = $"http://127.0.0.1:{port}";
            UseKestrel(port);
        }

        public string BaseUrl { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new PageFilter(_pageDirectory)));
        }

        private sealed class PageFilter(string directory) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                var types = new FileExtensionContentTypeProvider();
                types.Mappings[".mjs"] = "text/javascript";
                app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider(directory),
                    RequestPath = "/__style-test",
                    ContentTypeProvider = types,
                });
                next(app);
            };
        }
    }
}
