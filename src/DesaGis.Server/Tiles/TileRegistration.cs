using DesaGis.Core.Tiles;
using DesaGis.Data.Catalog;
using DesaGis.Data.Tiles;
using DesaGis.Server.Configuration;
using DesaGis.Server.Endpoints;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Tiles;

/// <summary>Registers vector tiles' cache and change monitor, tile matrix sets, styles and glyphs (the tile source is registered with the database).</summary>
public static class TileRegistration
{
    public static IServiceCollection AddDesaGisTiles(this IServiceCollection services)
    {
        services.AddOptions<TileOptions>().BindConfiguration(TileOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new TileCache(sp.GetRequiredService<IOptions<TileOptions>>().Value.CacheMegabytes * 1024L * 1024L));
        services.AddSingleton<TileChangeMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<TileChangeMonitor>());
        services.AddSingleton<TileService>();
        services.AddSingleton<DesaGis.Core.Mapping.IMbtilesWriter>(sp => new DesaGis.Data.Tiles.TileExporterMbtilesWriter(
            sp.GetRequiredService<ITileSource>(), sp.GetRequiredService<DesaGis.Data.Catalog.LayerCatalog>()));
        services.AddSingleton<StyleStore>();
        services.AddSingleton<GlyphStore>();
        services.AddSingleton<PartnerPalette>();
        return services;
    }

    public static IEndpointRouteBuilder MapDesaGisTiles(this IEndpointRouteBuilder app)
    {
        app.MapTilesEndpoints();
        app.MapTileMatrixSetsEndpoints();
        app.MapCollectionTilesEndpoints();
        app.MapStylesEndpoints();
        app.MapStylesGlyphEndpoints();
        return app;
    }
}
