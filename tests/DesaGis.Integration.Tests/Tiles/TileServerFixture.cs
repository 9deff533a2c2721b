using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>A database seeded with <see cref="TileTestData"/> and the server on it, shared by one test class.</summary>
public class TileServerFixture : IAsyncLifetime
{
    public PostgisDatabase Database { get; } = new();
    public DesaGisServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The server this fixture runs; a subclass may configure it differently.</summary>
    protected virtual DesaGisServer CreateServer(PostgisDatabase database) => new(database);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await TileTestData.SeedAsync(Database);
        Server = CreateServer(Database);
        Client = await Server.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}
