using DesaGis.Data;
using DesaGis.Data.Catalog;
using DesaGis.Server.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DesaGis.Server.Hosting;

/// <summary>Registers the PostGIS data source, the layer catalog and the start-up migration.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddDesaGisDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DesaGisDataSource.Create(Bounded(sp), "desagis-server"));
        // Tiles get a pool of their own whose connections are not reset on return (see CreateForTiles); everything
        // else keeps the reset, since requests there may set session state.
        services.AddKeyedSingleton(TileDataSourceKey, (sp, _) => DesaGisDataSource.CreateForTiles(Bounded(sp)));
        services.AddSingleton<DatabaseState>();
        services.AddSingleton(LayerCatalog.Default);
        services.AddHostedService<DatabaseStartup>();
        return services;
    }

    /// <summary>The service key of the tile renderers' own <see cref="NpgsqlDataSource"/>.</summary>
    public const string TileDataSourceKey = "tiles";

    private static string Bounded(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<DesaGisOptions>>().Value;
        return new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            // Bounded everywhere: a busy pool or a slow statement becomes a 503, never a hung request.
            Timeout = 5,
            CommandTimeout = options.StatementTimeoutSeconds + 5,
            MaxPoolSize = options.MaxPoolSize,
            Options = $"-c statement_timeout={options.StatementTimeoutSeconds * 1000}",
        }.ConnectionString;
    }
}
