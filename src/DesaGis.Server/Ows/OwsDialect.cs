namespace DesaGis.Server.Ows;

/// <summary>Which service and version a response speaks: it decides the exception report's shape and media type.</summary>
public enum OwsDialect
{
    Wms130,
    Wms111,
    Wfs200,
    Wfs110,
}
