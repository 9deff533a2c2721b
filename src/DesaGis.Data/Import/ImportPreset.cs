namespace DesaGis.Data.Import;

/// <summary>
/// A named mapping for a known file layout, so that users need not type long <c>--map</c> lists. Everything in the
/// request overrides what the preset says.
/// </summary>
public sealed record ImportPreset
{
    public required string Name { get; init; }
    public required ImportTarget Target { get; init; }
    public required string Description { get; init; }
    public IReadOnlyDictionary<string, string> FieldMap { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Constants { get; init; } = new Dictionary<string, string>();
    public CodeSystem? CodeSystem { get; init; }
    public int? Year { get; init; }
    public string? Source { get; init; }

    /// <summary>The source states no year, so an import must be given one (<c>--year</c>).</summary>
    public bool NeedsYear { get; init; }
}
