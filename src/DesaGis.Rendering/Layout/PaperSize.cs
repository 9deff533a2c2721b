namespace DesaGis.Rendering.Layout;

/// <summary>ISO paper sizes field staff print on.</summary>
public enum PaperSize
{
    A4,
    A3,
}
