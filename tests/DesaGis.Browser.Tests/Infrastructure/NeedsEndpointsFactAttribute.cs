namespace DesaGis.Browser.Tests.Infrastructure;

/// <summary>
/// A browser test of a viewer feature that rests on API endpoints built in other parts of the server (search and
/// features, tiles and the style, the planner). It runs whenever the server assembly contains those endpoint classes,
/// and is skipped, naming what is missing, in a build without them.
/// </summary>
public sealed class NeedsEndpointsFactAttribute : FactAttribute
{
    public NeedsEndpointsFactAttribute(params string[] endpointClasses)
    {
        var server = typeof(Program).Assembly;
        var missing = endpointClasses.Where(c => server.GetType($"DesaGis.Server.Endpoints.{c}") is null).ToList();
        if (missing.Count > 0)
            Skip = $"Needs {string.Join(", ", missing)} in DesaGis.Server, which this build does not contain.";
    }
}
