using System.Net.Http.Json;
using System.Text.Json;
using DesaGis.Data.Geodata;
using DesaGis.Data.Security;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Registry;

/// <summary>
/// A server on the real places of geodata/real with the example partners of geodata/contoh, and keys for two partner
/// organisations, a reviewer and a viewer.
/// </summary>
public class RegistryFixture : IAsyncLifetime
{
    /// <summary>The partner of CONTOH-PRG-1 and CONTOH-PRG-4 (Yayasan Air Bersih Nusantara).</summary>
    public const string PartnerA = "CONTOH-MTR-2";

    /// <summary>Another partner (Program Donor Ketahanan Pangan), owner of CONTOH-PRG-2.</summary>
    public const string PartnerB = "CONTOH-MTR-3";

    public PostgisDatabase Database { get; } = new();
    public DesaGisServer Server { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public HttpClient PartnerAClient { get; private set; } = null!;
    public HttpClient PartnerBClient { get; private set; } = null!;
    public HttpClient Reviewer { get; private set; } = null!;
    public HttpClient Viewer { get; private set; } = null!;

    protected virtual DesaGisServer CreateServer(PostgisDatabase database) => new(database);

    /// <summary>Starts the server before any client is made (a server on a real port must start first).</summary>
    protected virtual Task StartAsync(DesaGisServer server) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await BundledGeodataLoader.LoadAsync(Database.DataSource, RepositoryPaths.Combine("geodata", "real"), RepositoryPaths.Combine("geodata", "contoh"));
        Server = CreateServer(Database);
        await StartAsync(Server);
        Anonymous = await Server.CreateReadyClientAsync();
        Viewer = await Server.CreateReadyClientAsync("viewer");
        Reviewer = await Server.CreateReadyClientAsync("reviewer");
        PartnerAClient = await PartnerClientAsync(PartnerA);
        PartnerBClient = await PartnerClientAsync(PartnerB);
    }

    public async Task<HttpClient> PartnerClientAsync(string partner)
    {
        var client = await Server.CreateReadyClientAsync();
        var (_, secret) = await new ApiKeyStore(Database.DataSource).CreateAsync($"partner-{partner}-{Guid.NewGuid():N}", Roles.Partner, partner);
        client.DefaultRequestHeaders.Add("X-API-Key", secret);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var c in new[] { Anonymous, Viewer, Reviewer, PartnerAClient, PartnerBClient }) c?.Dispose();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A programme feature as a partner sends it.</summary>
    public static JsonContent Feature(object properties, object? geometry = null) =>
        JsonContent.Create(new Dictionary<string, object?> { ["type"] = "Feature", ["geometry"] = geometry, ["properties"] = properties },
            new System.Net.Http.Headers.MediaTypeHeaderValue("application/geo+json"));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
