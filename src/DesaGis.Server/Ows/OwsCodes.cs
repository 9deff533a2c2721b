namespace DesaGis.Server.Ows;

/// <summary>The exception codes of WMS 1.3.0 (Annex A.3), OWS Common and WFS 2.0 (Table 3) that DesaGis uses.</summary>
public static class OwsCodes
{
    public const string MissingParameterValue = "MissingParameterValue";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string OperationNotSupported = "OperationNotSupported";
    public const string OptionNotSupported = "OptionNotSupported";
    public const string VersionNegotiationFailed = "VersionNegotiationFailed";
    public const string OperationParsingFailed = "OperationParsingFailed";
    public const string OperationProcessingFailed = "OperationProcessingFailed";
    public const string NoApplicableCode = "NoApplicableCode";
    public const string NotFound = "NotFound";

    // WMS
    public const string InvalidFormat = "InvalidFormat";
    public const string InvalidCrs = "InvalidCRS";
    public const string InvalidSrs = "InvalidSRS";
    public const string LayerNotDefined = "LayerNotDefined";
    public const string StyleNotDefined = "StyleNotDefined";
    public const string LayerNotQueryable = "LayerNotQueryable";
    public const string InvalidPoint = "InvalidPoint";
}
