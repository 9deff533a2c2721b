using DesaGis.Testing;
using Microsoft.Playwright;

namespace DesaGis.Browser.Tests.Infrastructure;

/// <summary>
/// For one test class: a fresh PostGIS database with <see cref="VillageDataset"/> in it, the real server on a
/// Kestrel port, and headless Chromium (the Debian build at /usr/bin/chromium; nothing is downloaded).
/// </summary>
public sealed class ViewerFixture : IAsyncLifetime
{
    /// <summary>
    /// Chromium flags for a headless machine without a GPU or network: WebGL and compositing run on SwiftShader.
    /// --disable-gpu is left out on purpose: with it, software compositing left stale rectangles on the map canvas
    /// where a popup had been, in screenshots.
    /// </summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ];

    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PostgisDatabase Database { get; } = new();
    public KestrelDesaGisServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The server's address, http://127.0.0.1:port, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ViewerBuild.EnsureBuilt();
        await Database.InitializeAsync();
        Server = new KestrelDesaGisServer(Database);
        BaseUrl = (await Server.StartAsync()).ToString().TrimEnd('/');
        // The dataset goes in after the server has migrated the database, so migrations of every part are applied.
        await VillageDataset.InsertAsync(Database);
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: run scripts/deps.sh test (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh API key with a role (viewer, planner, admin), as an administrator would hand it out.</summary>
    public async Task<string> CreateApiKeyAsync(string role)
    {
        var (_, secret) = await new DesaGis.Data.Security.ApiKeyStore(Database.DataSource).CreateAsync($"browser-{role}-{Guid.NewGuid():N}", role);
        return secret;
    }

    /// <summary>A new browser context and page at laptop size (1366×768), the viewer opened at <paramref name="hash"/>.</summary>
    public async Task<ViewerPage> OpenViewerAsync(string hash = "", int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        var viewer = new ViewerPage(page, BaseUrl);
        await viewer.GotoAsync(hash);
        return viewer;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}
