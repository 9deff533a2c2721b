namespace DesaGis.Core.Indicators;

/// <summary>
/// One figure shown for an area: the latest value of an indicator, the level it was measured at and which area it
/// belongs to. A village figure inherited from its kabupaten says so (<see cref="Inherited"/>, <see cref="FromKode"/>).
/// </summary>
public sealed record AreaFigure
{
    public required string Indicator { get; init; }
    public required string NameId { get; init; }
    public required string NameEn { get; init; }
    public string? Unit { get; init; }
    public required string Level { get; init; }
    public required string FromKode { get; init; }
    public string? FromNama { get; init; }
    public bool Inherited { get; init; }
    public required int Year { get; init; }
    public string? Period { get; init; }
    public double? Value { get; init; }
    public string? ValueText { get; init; }
    public required string Source { get; init; }
    public string? Note { get; init; }
}
