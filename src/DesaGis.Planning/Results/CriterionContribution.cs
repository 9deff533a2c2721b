namespace DesaGis.Planning.Results;

/// <summary>
/// One criterion's share of a village's score: weight (normalised to sum 1) × normalised value. <c>Source</c>
/// says where the value came from: measured (the village's own), inherited (its kecamatan's or kabupaten's, named in
/// <c>FromLevel</c>), imputed (the candidates' median) or missing (counted as 0, or not eligible).
/// </summary>
public sealed record CriterionContribution(string Criterion, double? Value, double Normalised, double Weight, double Contribution, bool Missing, string? Note)
{
    public string Source { get; init; } = "measured";
    public string? FromLevel { get; init; }
}
