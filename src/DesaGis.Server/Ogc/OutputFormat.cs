namespace DesaGis.Server.Ogc;

/// <summary>The encodings a resource can be returned in.</summary>
public enum OutputFormat
{
    Json,
    Html,
}
