using DesaGis.Data.Registry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DesaGis.Server.Registry;

/// <summary>Registers the programme registry with this deployment's settings.</summary>
public static class RegistryRegistration
{
    public static IServiceCollection AddDesaGisRegistry(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section);
        services.AddSingleton(sp => new ProgramRegistry(sp.GetRequiredService<NpgsqlDataSource>(),
            new RegistrySettings(sp.GetRequiredService<IOptions<RegistryOptions>>().Value.PublishOnWrite)));
        services.AddSingleton<ProgramGapAnalysis>();
        return services;
    }
}
