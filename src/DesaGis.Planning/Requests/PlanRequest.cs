using System.Text.Json;
using System.Text.Json.Serialization;

namespace DesaGis.Planning.Requests;

/// <summary>The parameters of a planner run, as posted to <c>/planner/runs</c> or read from a CLI config file.</summary>
public sealed record PlanRequest
{
    /// <summary>"ranking" (default) or "reach".</summary>
    public string? Method { get; init; }

    /// <summary>Number of pilots to choose.</summary>
    public int? K { get; init; }

    public IReadOnlyList<CriterionRequest>? Criteria { get; init; }
    public AreaRequest? Area { get; init; }
    public ConstraintsRequest? Constraints { get; init; }
    public ReachRequest? Reach { get; init; }
    public PinsRequest? Pins { get; init; }
    public RobustnessRequest? Robustness { get; init; }

    /// <summary>How many runners-up to explain.</summary>
    public int? RunnersUp { get; init; }

    /// <summary>The JSON options every reader and writer of planner documents uses (camelCase, no nulls written).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}
