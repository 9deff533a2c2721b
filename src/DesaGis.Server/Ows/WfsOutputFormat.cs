namespace DesaGis.Server.Ows;

/// <summary>The encodings GetFeature answers in.</summary>
public enum WfsOutputFormat
{
    /// <summary>GML 3.2 (WFS 2.0's default).</summary>
    Gml32,
    /// <summary>GML 3.1.1 (WFS 1.1.0's default).</summary>
    Gml31,
    /// <summary>GeoJSON, longitude first.</summary>
    GeoJson,
}
