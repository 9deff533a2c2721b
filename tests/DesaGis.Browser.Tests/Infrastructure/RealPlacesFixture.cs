using DesaGis.Data.Import;
using DesaGis.Testing;
using Microsoft.Playwright;

namespace DesaGis.Browser.Tests.Infrastructure;

/// <summary>
/// For one test class: a fresh database holding the real data of ../shared/geodata (the four regencies, the BPS
/// kabupaten P0, the Kemendesa IDM), imported with the same plan as <c>desagis import all</c>, the real server on a
/// Kestrel port and headless Chromium.
/// </summary>
public sealed class RealPlacesFixture : IAsyncLifetime
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
        var directory = SharedGeodata.Directory ?? throw new InvalidOperationException(
            "The shared geodata folder (../shared/geodata beside the repository) was not found; set DESAGIS_SHARED_GEODATA.");
        var importer = new Importer(Database.DataSource);
        foreach (var step in SharedGeodataPlan.Steps(directory)) await importer.ImportAsync(step.Request);
        if (!File.Exists(ViewerFixture.ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Chromium at {ViewerFixture.ChromiumPath}: run scripts/deps.sh test.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ViewerFixture.ChromiumPath, Headless = true, Args = ViewerFixture.ChromiumArgs,
        });
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
