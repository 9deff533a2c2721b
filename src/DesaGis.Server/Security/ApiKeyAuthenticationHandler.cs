using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DesaGis.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Security;

/// <summary>
/// Authenticates <c>X-API-Key: dgk_…</c> (or <c>Authorization: ApiKey dgk_…</c>) against the hashed keys in PostGIS.
/// Lookups are cached for a short time so a busy map does not query the key table per tile; a revoked key stops
/// working within that time.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-API-Key";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>Longest key accepted for a lookup; ours are 48 characters, anything far longer is not a key.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>Most cached lookups. Entries are keyed by a fixed-size fingerprint, never by the presented text.</summary>
    public const int CacheCapacity = 4096;

    private static readonly ConcurrentDictionary<string, (ApiKey? Key, DateTime Until)> Cache = new(StringComparer.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = PresentedKey(Request);
        if (secret is null) return AuthenticateResult.NoResult();
        // A value that cannot be one of our keys is refused without asking the database or filling the cache.
        if (secret.Length > MaxKeyLength || !secret.StartsWith("dgk_", StringComparison.Ordinal))
            return AuthenticateResult.Fail("The API key is malformed.");

        ApiKey? key;
        var fingerprint = Fingerprint(secret);
        if (Cache.TryGetValue(fingerprint, out var hit) && hit.Until > DateTime.UtcNow)
        {
            key = hit.Key;
        }
        else
        {
            key = await keys.FindAsync(secret, Context.RequestAborted);
            // Bounded: when full, expired entries go first, and if none has expired, all of them (a flood of made-up
            // keys cannot grow memory; a real key is looked up again at worst).
            if (Cache.Count >= CacheCapacity)
            {
                var now = DateTime.UtcNow;
                foreach (var entry in Cache)
                    if (entry.Value.Until <= now) Cache.TryRemove(entry.Key, out _);
                if (Cache.Count >= CacheCapacity) Cache.Clear();
            }
            Cache[fingerprint] = (key, DateTime.UtcNow + CacheFor);
        }
        if (key is null) return AuthenticateResult.Fail("The API key is unknown or revoked.");

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role), new Claim("auth", "api-key")],
            SchemeName);
        // A partner key acts for its partner organisation in the programme registry.
        if (key.PartnerKode is { } partner) identity.AddClaim(new Claim(Registry.RegistryCallers.PartnerClaim, partner));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>A fixed-size fingerprint of a presented key (SHA-256, hex), for cache and rate-limit partitions.</summary>
    public static string Fingerprint(string secret) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    /// <summary>Cached lookups right now (bounded by <see cref="CacheCapacity"/>).</summary>
    public static int CachedCount => Cache.Count;

    /// <summary>The key a request presents, if any.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count == 1 && !string.IsNullOrWhiteSpace(header[0]))
            return header[0]!.Trim();
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null;
    }
}
