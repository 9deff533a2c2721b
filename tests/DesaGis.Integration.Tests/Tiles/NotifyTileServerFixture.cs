using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>Like <see cref="TileServerFixture"/>, with the cache in Notify consistency (changes arrive by LISTEN/NOTIFY).</summary>
public sealed class NotifyTileServerFixture : IAsyncLifetime
{
    public PostgisDatabase Database { get; } = new();
    public DesaGisServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await TileTestData.SeedAsync(Database);
        Server = new NotifyServer(Database);
        Client = await Server.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class NotifyServer(PostgisDatabase db) : DesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:Tiles:Consistency"] = "Notify",
        };
    }
}
