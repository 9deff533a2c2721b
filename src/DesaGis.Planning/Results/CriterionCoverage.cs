namespace DesaGis.Planning.Results;

/// <summary>How well a criterion covers the candidate villages, and whether it could take part in the score.</summary>
/// <param name="Criterion">The criterion id.</param>
/// <param name="Missing">The missing-value rule applied: neutral, parent, exclude or zero.</param>
/// <param name="Candidates">Candidate villages.</param>
/// <param name="Measured">Candidates with a value of their own.</param>
/// <param name="Inherited">Candidates that took their kecamatan's or kabupaten's value (rule parent).</param>
/// <param name="None">Candidates with neither: imputed, counted as 0, or not eligible, by the rule.</param>
/// <param name="Used">False when the criterion was set aside (too few values for the rule neutral or parent).</param>
/// <param name="Informative">False when nearly every candidate has the same value: the criterion then decides nothing.</param>
/// <param name="Weight">The weight share it carried in the score (0 when set aside).</param>
public sealed record CriterionCoverage(string Criterion, string Missing, int Candidates, int Measured, int Inherited, int None, bool Used, bool Informative, double Weight);
