namespace DesaGis.Rendering.Legends;

/// <summary>The legend of one style layer: a title and its swatches.</summary>
public sealed record LegendGroup(string Title, IReadOnlyList<LegendItem> Items);
