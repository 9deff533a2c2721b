using DesaGis.Data.Demo;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Demo;

/// <summary>A test database of its own with the checked-in demo dataset (geodata/demo) loaded, as 'make run' loads it.</summary>
public sealed class LoadedDemo : IAsyncLifetime
{
    public PostgisDatabase Database { get; } = new();

    public DemoLoadResult Load { get; private set; } = null!;

    public static string Directory => RepositoryPaths.Combine("geodata", "demo");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Load = await DemoLoader.LoadAsync(Database.DataSource, Directory);
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
