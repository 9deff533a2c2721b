namespace DesaGis.Rendering.Layout;

/// <summary>Page orientation.</summary>
public enum PageOrientation
{
    Portrait,
    Landscape,
}
