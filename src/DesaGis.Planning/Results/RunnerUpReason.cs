namespace DesaGis.Planning.Results;

/// <summary>The reason codes of <see cref="RunnerUp.Reason"/>.</summary>
public static class RunnerUpReason
{
    public const string LowerScore = "lower-score";
    public const string LowerGain = "lower-gain";
    public const string Constraint = "constraint";
    public const string Excluded = "excluded";
}
