namespace DesaGis.Planning.Selection;

/// <summary>The pilots a method chose, in order, and why some villages were passed over.</summary>
/// <param name="Chosen">Indexes of the chosen villages, pinned first, then in order of choice.</param>
/// <param name="Blocked">Villages skipped because a quota blocked them, with the reason at that moment.</param>
/// <param name="MarginalGain">Reach only: each chosen pilot's gain given the pilots before it.</param>
internal sealed record SelectionOutcome(IReadOnlyList<int> Chosen, IReadOnlyDictionary<int, string> Blocked, IReadOnlyList<double>? MarginalGain);
