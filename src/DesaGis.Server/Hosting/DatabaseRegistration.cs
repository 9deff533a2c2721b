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
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DesaGisOptions>>().Value;
            var csb = new NpgsqlConnectionStringBuilder(options.ConnectionString)
            {
                // Bounded everywhere: a busy pool or a slow statement becomes a 503, never a hung request.
                Timeout = 5,
                CommandTimeout = options.StatementTimeoutSeconds + 5,
                MaxPoolSize = options.MaxPoolSize,
                Options = $"-c statement_timeout={options.StatementTimeoutSeconds * 1000}",
            };
            return DesaGisDataSource.Create(csb.ConnectionString, "desagis-server");
        });
        services.AddSingleton<DatabaseState>();
        services.AddSingleton(LayerCatalog.Default);
        services.AddHostedService<DatabaseStartup>();
        return services;
    }
}
