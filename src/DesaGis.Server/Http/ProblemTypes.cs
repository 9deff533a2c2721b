namespace DesaGis.Server.Http;

/// <summary>The stable <c>type</c> URIs of DesaGis problem details (RFC 9457). Clients may switch on them.</summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:desagis:problem:";

    public const string InvalidParameter = Prefix + "invalid-parameter";
    public const string NotFound = Prefix + "not-found";
    public const string UnknownCollection = Prefix + "unknown-collection";
    public const string UnknownFeature = Prefix + "unknown-feature";
    public const string InvalidTile = Prefix + "invalid-tile";
    public const string InvalidFilter = Prefix + "invalid-filter";
    public const string InvalidCrs = Prefix + "invalid-crs";
    public const string NotAcceptable = Prefix + "not-acceptable";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string InvalidBody = Prefix + "invalid-body";
    public const string InvalidPlan = Prefix + "invalid-plan";
    public const string PlannerBusy = Prefix + "planner-busy";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string DatabaseUnavailable = Prefix + "database-unavailable";
    public const string DatabaseTimeout = Prefix + "database-timeout";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string InternalError = Prefix + "internal-error";
    public const string ViewerNotBuilt = Prefix + "viewer-not-built";
    public const string RequestTimeout = Prefix + "request-timeout";
    public const string TooExpensive = Prefix + "over-limit";
    public const string Busy = Prefix + "busy";
    public const string UriTooLong = Prefix + "uri-too-long";
    public const string HeadersTooLarge = Prefix + "headers-too-large";
    public const string HttpVersionNotSupported = Prefix + "http-version-not-supported";
    public const string InvalidProgram = Prefix + "invalid-program";
    public const string PreconditionFailed = Prefix + "precondition-failed";
    public const string Conflict = Prefix + "conflict";
}
