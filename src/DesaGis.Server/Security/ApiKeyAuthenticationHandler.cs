using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DesaGis.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

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
    NpgsqlDataSource dataSource) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-API-Key";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, (ApiKey? Key, DateTime Until)> Cache = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = PresentedKey(Request);
        if (secret is null) return AuthenticateResult.NoResult();

        ApiKey? key;
        if (Cache.TryGetValue(secret, out var hit) && hit.Until > DateTime.UtcNow)
        {
            key = hit.Key;
        }
        else
        {
            key = await new ApiKeyStore(dataSource).FindAsync(secret, Context.RequestAborted);
            if (Cache.Count > 10_000) Cache.Clear();
            Cache[secret] = (key, DateTime.UtcNow + CacheFor);
        }
        if (key is null) return AuthenticateResult.Fail("The API key is unknown or revoked.");

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role), new Claim("auth", "api-key")],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The key a request presents, if any.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count == 1 && !string.IsNullOrWhiteSpace(header[0]))
            return header[0]!.Trim();
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null;
    }
}
