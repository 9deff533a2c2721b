using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Threading.RateLimiting;
using DesaGis.Data.Security;
using DesaGis.Server.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DesaGis.Server.Security;

/// <summary>Authentication (API keys and JWT bearer), role policies, CORS, rate and size limits.</summary>
public static class SecurityRegistration
{
    private const string SchemeSelector = "DesaGis";

    public static WebApplicationBuilder AddDesaGisSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Everything below reads SecurityOptions lazily (Configure<IOptions<…>>), so configuration added by the host
        // after this call — test hosts, environment-specific files — is honoured.
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);

        services.AddAuthentication(SchemeSelector)
            .AddPolicyScheme(SchemeSelector, "API key or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<SecurityOptions>>((o, options) =>
            {
                var security = options.Value;
                o.MapInboundClaims = false;
                var hasKey = security.JwtSigningKey is { Length: >= 32 };
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = security.JwtIssuer,
                    ValidAudience = security.JwtAudience,
                    // Without a configured key no token can validate: a random key nobody knows.
                    IssuerSigningKey = new SymmetricSecurityKey(hasKey
                        ? Encoding.UTF8.GetBytes(security.JwtSigningKey!)
                        : System.Security.Cryptography.RandomNumberGenerator.GetBytes(64)),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RoleClaimType = "role",
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = ctx =>
                    {
                        // Normalise the token's role claims to the claim type the policies read.
                        if (ctx.Principal?.Identity is ClaimsIdentity id)
                            foreach (var role in id.FindAll("role").ToList())
                                id.AddClaim(new Claim(ClaimTypes.Role, role.Value));
                        return Task.CompletedTask;
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Viewer, p => p.RequireAssertion(c => Policies.HasRole(c.User, Roles.Viewer)))
            .AddPolicy(Policies.Planner, p => p.RequireAssertion(c => Policies.HasRole(c.User, Roles.Planner)))
            .AddPolicy(Policies.Admin, p => p.RequireAssertion(c => Policies.HasRole(c.User, Roles.Admin)));

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<SecurityOptions>>((o, options) => o.AddDefaultPolicy(p =>
        {
            var security = options.Value;
            if (security.CorsOrigins.Contains("*")) p.AllowAnyOrigin(); else p.WithOrigins(security.CorsOrigins);
            p.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("ETag", "Content-Crs", "Retry-After", "Link");
        }));

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<SecurityOptions>>((o, options) =>
            o.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = WriteTimeoutAsync,
            });

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<SecurityOptions>>((k, options) =>
        {
            k.Limits.MaxRequestBodySize = options.Value.MaxRequestBodyBytes;
            // CQL2 filters with polygons travel in the query string; allow them generously but not without bound.
            k.Limits.MaxRequestLineSize = 64 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
            // Which web server runs here is nobody's business but the operator's.
            k.AddServerHeader = false;
            // Kestrel's own refusals (limits, malformed request lines) get a problem body like every other error.
            k.ConfigureEndpointDefaults(Http.KestrelErrorBodies.Use);
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((o, options) =>
        {
            var security = options.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            if (security.RequestsPerSecond > 0)
            {
                // Two buckets, both checked before any credential is looked up: the client address (so made-up keys
                // cannot each get a bucket of their own) and, when one is presented, the key (so one key shared by
                // many addresses is limited too).
                var bucket = new TokenBucketRateLimiterOptions
                {
                    TokenLimit = security.Burst,
                    TokensPerPeriod = security.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                };
                o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    PartitionedRateLimiter.Create<HttpContext, string>(ctx => RateLimitPartition.GetTokenBucketLimiter(AddressKey(ctx), _ => bucket)),
                    PartitionedRateLimiter.Create<HttpContext, string>(ctx => ApiKeyAuthenticationHandler.PresentedKey(ctx.Request) is { } key
                        ? RateLimitPartition.GetTokenBucketLimiter("key:" + ApiKeyAuthenticationHandler.Fingerprint(key), _ => bucket)
                        : RateLimitPartition.GetNoLimiter("anonymous")));
            }
            o.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                ctx.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = ProblemTypes.TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This client sent more than {security.RequestsPerSecond} requests per second. Wait {retry} s and slow down, or ask an administrator for a higher limit.",
                        Extensions =
                        {
                            [Problems.IndonesianDetailKey] = $"Klien ini mengirim lebih dari {security.RequestsPerSecond} permintaan per detik. Tunggu {retry} detik dan kirim lebih lambat, atau minta batas yang lebih tinggi kepada administrator.",
                        },
                    },
                });
            };
        });
        return builder;
    }

    public static WebApplication UseDesaGisSecurity(this WebApplication app)
    {
        app.UseCors();
        // The rate limit comes before authentication: a flood of made-up credentials is refused without a key lookup.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseCredentialCheck();
        app.UseAuthorization();
        app.UseRequestTimeouts();
        return app;
    }

    private static Task WriteTimeoutAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "10";
        return Problems.Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.RequestTimeout, "Request timed out", new LocalizedText(
            "Permintaan melebihi batas waktunya dan dihentikan. Perkecil permintaan (area lebih kecil, zoom lebih sedikit, limit lebih kecil) atau coba lagi setelah waktu di header Retry-After.",
            "The request ran past its time budget and was stopped. Make it smaller (a smaller area, fewer zoom levels, a smaller limit) or try again after the Retry-After header's time."))
            .ExecuteAsync(context);
    }

    /// <summary>Rate-limit partition of the client address.</summary>
    private static string AddressKey(HttpContext ctx) => "ip:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
