namespace DesaGis.Planning.Criteria;

/// <summary>What a criterion does with a candidate village that has no value of its own.</summary>
public enum MissingRule
{
    /// <summary>
    /// The default: the village takes the median of the candidates' measured values, so a missing value neither helps
    /// nor hurts. When fewer than half of the candidates are measured the criterion is set aside (weight 0): a handful
    /// of values cannot stand for the rest, and ranking on them would favour villages for having data.
    /// </summary>
    Neutral,

    /// <summary>The kecamatan's value, else the kabupaten's (else the province's), flagged as inherited; then as <see cref="Neutral"/>.</summary>
    Parent,

    /// <summary>A village without its own value cannot be a pilot.</summary>
    Exclude,

    /// <summary>A missing value counts as the worst (normalised 0): only when asked for, since villages then win for having data.</summary>
    Zero,
}
