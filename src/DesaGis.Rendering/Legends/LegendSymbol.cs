namespace DesaGis.Rendering.Legends;

/// <summary>How a legend swatch is drawn.</summary>
public enum LegendSymbol
{
    Fill,
    Line,
    Circle,
}
