namespace DesaGis.Planning;

/// <summary>What a reached village counts for in the reach objective.</summary>
public enum ReachWeighting
{
    /// <summary>Every reached village counts 1.</summary>
    Count,

    /// <summary>A reached village counts its poverty rate (0 when unknown).</summary>
    Poverty,
}
