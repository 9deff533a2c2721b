namespace DesaGis.Planning.Criteria;

/// <summary>How raw values are mapped to 0–1 over the candidate villages.</summary>
public enum Normalisation
{
    MinMax,
    Rank,
}
