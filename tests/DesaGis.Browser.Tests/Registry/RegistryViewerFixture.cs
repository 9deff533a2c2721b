using DesaGis.Browser.Tests.Infrastructure;
using DesaGis.Data.Geodata;
using DesaGis.Data.Security;
using DesaGis.Testing;
using Microsoft.Playwright;

namespace DesaGis.Browser.Tests.Registry;

/// <summary>
/// The real places of geodata/real with the example partners of geodata/contoh (as make run loads them), the real
/// server on a Kestrel port and headless Chromium, for the programme registry in the viewer.
/// </summary>
public sealed class RegistryViewerFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PostgisDatabase Database { get; } = new();
    public KestrelDesaGisServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ViewerBuild.EnsureBuilt();
        await Database.InitializeAsync();
        Server = new KestrelDesaGisServer(Database);
        BaseUrl = (await Server.StartAsync()).ToString().TrimEnd('/');
        await BundledGeodataLoader.LoadAsync(Database.DataSource, RepositoryPaths.Combine("geodata", "real"), RepositoryPaths.Combine("geodata", "contoh"));
        if (!File.Exists(ViewerFixture.ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Chromium at {ViewerFixture.ChromiumPath}: run scripts/deps.sh test.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ViewerFixture.ChromiumPath, Headless = true, Args = ViewerFixture.ChromiumArgs,
        });
    }

    /// <summary>A key as an administrator hands it out: a partner key names its organisation.</summary>
    public async Task<string> KeyAsync(string role, string? partner = null)
    {
        var (_, secret) = await new ApiKeyStore(Database.DataSource).CreateAsync($"browser-{role}-{Guid.NewGuid():N}", role, partner);
        return secret;
    }

    public async Task<ViewerPage> OpenViewerAsync(string hash, int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, DeviceScaleFactor = 1,
        });
        var viewer = new ViewerPage(await context.NewPageAsync(), BaseUrl);
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
