namespace DesaGis.Core.Mapping;

/// <summary>The requested region code does not exist in the data (a 404 for the client, not a failure).</summary>
public sealed class UnknownAreaException(ExportArea area)
    : Exception(area.Kind == AreaKind.Scenario
        ? $"There is no saved scenario {area.ScenarioId} with villages."
        : $"There is no {area.Kind.ToString().ToLowerInvariant()} with code {area.Code}.")
{
    public ExportArea Area { get; } = area;
}
