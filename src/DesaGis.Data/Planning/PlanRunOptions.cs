namespace DesaGis.Data.Planning;

/// <summary>How one planner run is admitted and bounded.</summary>
public sealed record PlanRunOptions
{
    /// <summary>The language of the result's warnings and explanations: "id" (the default) or "en".</summary>
    public string Language { get; init; } = "id";

    /// <summary>Refuse, before it runs, a plan whose size says it would hold a core for long (a server shares its cores).</summary>
    public bool BoundCost { get; init; }

    /// <summary>A gate limiting runs at once; a run waits for a place up to <see cref="GateWait"/>, then is refused as busy.</summary>
    public SemaphoreSlim? Gate { get; init; }

    /// <summary>How long a run waits at <see cref="Gate"/>.</summary>
    public TimeSpan GateWait { get; init; } = TimeSpan.FromSeconds(30);
}
