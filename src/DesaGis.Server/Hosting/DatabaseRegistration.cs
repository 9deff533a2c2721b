using DesaGis.Core.Mapping;
using DesaGis.Core.Tiles;
using DesaGis.Data;
using DesaGis.Data.Catalog;
using DesaGis.Data.Export;
using DesaGis.Data.Health;
using DesaGis.Data.Import;
using DesaGis.Data.Indicators;
using DesaGis.Data.Maps;
using DesaGis.Data.Migrations;
using DesaGis.Data.Partners;
using DesaGis.Data.Registry;
using DesaGis.Data.Security;
using DesaGis.Data.Tiles;
using DesaGis.Server.Configuration;
using DesaGis.Server.Registry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DesaGis.Server.Hosting;

/// <summary>
/// Registers the PostGIS data sources, the layer catalog, the start-up migration and the Data types built on the data
/// sources. The one place in the server that names the driver.
/// </summary>
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

        // Everything that reads or writes PostGIS is a Data type built on these data sources; the rest of the
        // server asks for those types and never sees the driver.
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<DatabaseHealthProbe>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuditLogReader>();
        services.AddSingleton<PartnerReader>();
        services.AddSingleton<LayerChangeFeed>();
        services.AddSingleton<Importer>();
        services.AddSingleton<IndicatorImporter>();
        services.AddSingleton<IMapDataSource>(sp => new PostgisMapDataSource(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<LayerCatalog>()));
        services.AddSingleton(sp => new DataExportService(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<LayerCatalog>()));
        services.AddSingleton(sp => new MapImageDataReader(sp.GetRequiredService<NpgsqlDataSource>())
        {
            CommandTimeoutSeconds = StatementTimeout(sp),
        });
        services.AddSingleton<ITileSource>(sp => new PostgisTileSource(sp.GetRequiredKeyedService<NpgsqlDataSource>(TileDataSourceKey), sp.GetRequiredService<LayerCatalog>())
        {
            CommandTimeoutSeconds = StatementTimeout(sp),
        });
        services.AddSingleton(sp => new ProgramRegistry(sp.GetRequiredService<NpgsqlDataSource>(),
            new RegistrySettings(sp.GetRequiredService<IOptions<RegistryOptions>>().Value.PublishOnWrite)));
        services.AddSingleton<ProgramGapAnalysis>();
        return services;
    }

    private static int StatementTimeout(IServiceProvider sp) => sp.GetRequiredService<IOptions<DesaGisOptions>>().Value.StatementTimeoutSeconds;

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
