using DesaGis.Data.Planning;

namespace DesaGis.Server.Planner;

/// <summary>Registers the planner's use-case service, run store and scenario store.</summary>
public static class PlannerRegistration
{
    public static IServiceCollection AddDesaGisPlanner(this IServiceCollection services)
    {
        services.AddSingleton<PlannerRunStore>();
        services.AddSingleton<ScenarioStore>();
        services.AddSingleton<PlanningService>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
