namespace DesaGis.Planning.Villages;

/// <summary>Where the value a criterion used for a village came from.</summary>
public enum ValueSource
{
    /// <summary>The village's own figure.</summary>
    Measured,

    /// <summary>The figure of the kecamatan or kabupaten it lies in (rule <c>parent</c>).</summary>
    Inherited,

    /// <summary>Not known: the candidates' median stands in (rule <c>neutral</c>, or <c>parent</c> without a parent figure).</summary>
    Imputed,

    /// <summary>Not known and not replaced (rules <c>zero</c> and <c>exclude</c>).</summary>
    Missing,
}
