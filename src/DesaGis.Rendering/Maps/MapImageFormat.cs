namespace DesaGis.Rendering.Maps;

/// <summary>The raster formats map images are encoded in.</summary>
public enum MapImageFormat
{
    Png,
    Jpeg,
}
