using DesaGis.Core.Mapping;
using DesaGis.Data.Catalog;
using DesaGis.Data.Export;
using DesaGis.Rendering.Printing;
using DesaGis.Rendering.Qgis;
using DesaGis.Rendering.Styles;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// Registers what the export endpoints need: the print style (the repository's styles/desagis.json, or
/// <c>DesaGis:StylesDirectory</c>, else the bundled print style), the map printer and the offline package writer (the
/// PostGIS map data source and the data exporter are registered with the database) (with the tiles part's <see cref="IMbtilesWriter"/> when registered, and the
/// QGIS styles of the same style).
/// </summary>
public static class ExportServices
{
    public const string StylesDirectoryKey = "DesaGis:StylesDirectory";

    public static IServiceCollection AddDesaGisExports(this IServiceCollection services)
    {
        // The printed date comes from the clock; tests may register their own.
        services.TryAddSingleton(TimeProvider.System);
        // The style is parsed once: a broken style fails the first export loudly, with the layer named.
        services.AddSingleton(sp => StyleLocator.LoadMainOrDefault(sp.GetRequiredService<IConfiguration>()[StylesDirectoryKey]));
        services.AddSingleton(sp => new MapPrinter(sp.GetRequiredService<MapStyle>(), sp.GetRequiredService<IMapDataSource>()));
        // QGIS styles and projects come from the same style, so packages open in QGIS and QField as the printed map.
        services.AddSingleton<IQgisStyles>(sp => new QgisStyleWriter(sp.GetRequiredService<MapStyle>()));
        services.AddSingleton(sp => new OfflinePackageWriter(sp.GetRequiredService<DataExportService>(), sp.GetService<IMbtilesWriter>(),
            sp.GetRequiredService<IQgisStyles>()));
        return services;
    }
}
