namespace DesaGis.Server.Security;

/// <summary>Authentication, CORS and limits, bound from <c>DesaGis:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "DesaGis:Security";

    /// <summary>HMAC key (at least 32 characters) for HS256 JWT bearer tokens; JWTs are refused when empty.</summary>
    public string? JwtSigningKey { get; set; }

    public string JwtIssuer { get; set; } = "desagis";
    public string JwtAudience { get; set; } = "desagis";

    /// <summary>Origins allowed by CORS; "*" (the default) lets any web map read the public API.</summary>
    public string[] CorsOrigins { get; set; } = ["*"];

    /// <summary>Requests per second one client (API key or IP address) may make; 0 turns the limiter off.</summary>
    public int RequestsPerSecond { get; set; } = 500;

    /// <summary>Requests a client may make in a burst above the steady rate.</summary>
    public int Burst { get; set; } = 1000;

    /// <summary>Largest request body accepted, in bytes (imports are the large ones).</summary>
    public long MaxRequestBodyBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Largest body of any request that is not an upload (JSON and XML requests), in bytes.</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Expensive requests (exports, plans, large WMS/WFS answers) of one class that run at once.</summary>
    public int ExpensiveConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Expensive requests of one class that may wait for a slot; more are refused with 503 and Retry-After.</summary>
    public int ExpensiveQueue { get; set; } = 8;

    /// <summary>Longest time one request may take, in seconds.</summary>
    public int RequestTimeoutSeconds { get; set; } = 120;
}
