using DesaGis.Data.Features;
using DesaGis.Data.Indicators;

namespace DesaGis.Server.Ogc;

/// <summary>Registers what the OGC API Features endpoints need: the feature store, cached collection extents, the village search, the indicator catalog and link building.</summary>
public static class FeaturesRegistration
{
    public static IServiceCollection AddDesaGisFeatures(this IServiceCollection services)
    {
        services.AddSingleton<LinkBuilder>();
        services.AddSingleton<FeatureStore>();
        services.AddSingleton<CollectionExtents>();
        services.AddSingleton<VillageSearch>();
        services.AddSingleton<IndicatorStore>();
        return services;
    }
}
