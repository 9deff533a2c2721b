using DesaGis.Data.Maps;
using DesaGis.Rendering.Styles;
using DesaGis.Server.Configuration;
using DesaGis.Server.Endpoints;
using DesaGis.Server.Tiles;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Ows;

/// <summary>Registers the classic OGC services, WMS and WFS: their style catalog and image cache (their data reader is registered with the database).</summary>
public static class OwsRegistration
{
    public static IServiceCollection AddDesaGisOws(this IServiceCollection services)
    {
        services.AddOptions<OwsOptions>().BindConfiguration(OwsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new WmsStyleCatalog(sp.GetRequiredService<StyleStore>(), sp.GetRequiredService<MapStyle>()));
        services.AddSingleton(sp => new WmsImageCache(sp.GetRequiredService<IOptions<OwsOptions>>().Value.ImageCacheMegabytes * 1024L * 1024L));
        return services;
    }

    public static IEndpointRouteBuilder MapDesaGisOws(this IEndpointRouteBuilder app)
    {
        app.MapWmsEndpoints();
        app.MapWfsEndpoints();
        return app;
    }
}
