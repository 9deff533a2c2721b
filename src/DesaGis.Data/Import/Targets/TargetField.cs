using DesaGis.Core.Codes;

namespace DesaGis.Data.Import.Targets;

/// <summary>
/// One column an import can fill: its name (as users write it in <c>--map</c>), how values are read, the SQL type of
/// its staging column and the source column names it is found under when no mapping names one.
/// </summary>
public sealed record TargetField(string Name, FieldKind Kind, string SqlType, params string[] Aliases)
{
    public AdminLevel? Level { get; init; }
    public bool Key { get; init; }

    /// <summary>The import cannot run without a source for this field.</summary>
    public bool Required { get; init; }

    public double? Min { get; init; }
    public double? Max { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Other spellings of choices (e.g. "SANGAT TERTINGGAL" → SANGAT_TERTINGGAL, "lsm" → ngo).</summary>
    public IReadOnlyDictionary<string, string> Synonyms { get; init; } = new Dictionary<string, string>();
}
