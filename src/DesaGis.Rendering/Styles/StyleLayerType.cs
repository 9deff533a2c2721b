namespace DesaGis.Rendering.Styles;

/// <summary>The MapLibre layer types a printed map draws; others (raster, heatmap, hillshade…) are skipped.</summary>
public enum StyleLayerType
{
    Background,
    Fill,
    Line,
    Circle,
    Symbol,
    Unsupported,
}
