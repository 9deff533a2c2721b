using DesaGis.Core.Codes;

namespace DesaGis.Data.Import.Targets;

/// <summary>
/// A table an import writes: its fields, which of them form the key that re-imports match on, whether it holds
/// polygons, and the SQL that moves staged rows into it. All identifiers here are our own constants.
/// </summary>
public sealed record TargetDefinition
{
    public required ImportTarget Target { get; init; }

    /// <summary>The name users type (<c>--target desa</c>).</summary>
    public required string Name { get; init; }

    public required string Table { get; init; }
    public required IReadOnlyList<TargetField> Fields { get; init; }

    /// <summary>The table has a MultiPolygon column, filled when the source has geometry.</summary>
    public bool HasGeometry { get; init; }

    /// <summary>For the four administrative tables: the level whose codes belong here (others are skipped).</summary>
    public AdminLevel? Level { get; init; }

    /// <summary>The code field that a BPS code system translates through the crosswalk, and at which level.</summary>
    public string? CrosswalkField { get; init; }
    public string? CrosswalkLevel { get; init; }

    public IEnumerable<TargetField> Keys => Fields.Where(f => f.Key);

    public TargetField? Find(string name) => Fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
