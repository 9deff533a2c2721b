namespace DesaGis.Server.Ows;

/// <summary>The WFS versions served: 2.0.0, and 1.1.0 for older clients.</summary>
public enum WfsVersion
{
    V110,
    V200,
}
