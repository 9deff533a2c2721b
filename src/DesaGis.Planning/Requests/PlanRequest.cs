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

    /// <summary>For reading requests and plan files: a misspelt property ("weigth") is an error, not silently ignored.</summary>
    public static JsonSerializerOptions StrictJsonOptions { get; } = new(JsonOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>A user-facing sentence for a JSON error: the unknown property or the path of the bad value.</summary>
    public static string Describe(JsonException ex)
    {
        var where = ex.Path is { Length: > 1 } p ? $" at {p}" : "";
        var match = System.Text.RegularExpressions.Regex.Match(ex.Message, "property '([^']{1,80})' could not be mapped");
        return match.Success
            ? $"Unknown property '{match.Groups[1].Value}'{where}: check its spelling against docs/planner.md."
            : $"The JSON is not valid for this request{where}: check the types of the values (numbers, strings, lists).";
    }
}
