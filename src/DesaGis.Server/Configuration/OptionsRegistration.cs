using DesaGis.Data;

namespace DesaGis.Server.Configuration;

/// <summary>Binds <see cref="DesaGisOptions"/> and lets DESAGIS_DATABASE supply the connection string.</summary>
public static class OptionsRegistration
{
    public static WebApplicationBuilder AddDesaGisOptions(this WebApplicationBuilder builder)
    {
        if (Environment.GetEnvironmentVariable(DesaGisDataSource.ConnectionEnvironmentVariable) is { Length: > 0 } cs &&
            string.IsNullOrEmpty(builder.Configuration[$"{DesaGisOptions.Section}:ConnectionString"]))
        {
            builder.Configuration[$"{DesaGisOptions.Section}:ConnectionString"] = cs;
        }
        builder.Services.AddOptions<DesaGisOptions>()
            .BindConfiguration(DesaGisOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
