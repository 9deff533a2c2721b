namespace DesaGis.Rendering.Layout;

/// <summary>The file a map is written as: a vector PDF (any number of pages) or a PNG (one page).</summary>
public enum MapOutputFormat
{
    Pdf,
    Png,
}
