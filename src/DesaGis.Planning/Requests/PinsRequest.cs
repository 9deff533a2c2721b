namespace DesaGis.Planning.Requests;

/// <summary>Manual decisions: villages always selected, villages never selected.</summary>
public sealed record PinsRequest
{
    public IReadOnlyList<string>? Include { get; init; }
    public IReadOnlyList<string>? Exclude { get; init; }
}
