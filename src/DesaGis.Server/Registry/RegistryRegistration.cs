namespace DesaGis.Server.Registry;

/// <summary>Binds the programme registry's settings; the registry itself is registered with the other Data types.</summary>
public static class RegistryRegistration
{
    public static IServiceCollection AddDesaGisRegistry(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section);
        return services;
    }
}
