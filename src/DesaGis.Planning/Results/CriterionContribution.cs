namespace DesaGis.Planning.Results;

/// <summary>One criterion's share of a village's score: weight (normalised to sum 1) × normalised value.</summary>
public sealed record CriterionContribution(string Criterion, double? Value, double Normalised, double Weight, double Contribution, bool Missing, string? Note);
