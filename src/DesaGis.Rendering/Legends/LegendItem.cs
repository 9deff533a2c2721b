using SkiaSharp;

namespace DesaGis.Rendering.Legends;

/// <summary>One swatch and its label.</summary>
public sealed record LegendItem(string Label, LegendSymbol Symbol, SKColor Color, SKColor? Outline = null);
