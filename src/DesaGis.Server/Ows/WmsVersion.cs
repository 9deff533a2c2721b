namespace DesaGis.Server.Ows;

/// <summary>The WMS versions served: 1.3.0, and 1.1.1 (which 1.1.0 and 1.0.x requests are answered in).</summary>
public enum WmsVersion
{
    V111,
    V130,
}
