using DesaGis.Server.Http;
using Microsoft.AspNetCore.Authentication;

namespace DesaGis.Server.Security;

/// <summary>
/// A request that presents credentials which do not validate is refused with 401, even on public endpoints: a
/// client with a mistyped or revoked key must learn so, not silently be served as anonymous.
/// </summary>
public static class CredentialCheck
{
    public static WebApplication UseCredentialCheck(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var presented = ApiKeyAuthenticationHandler.PresentedKey(context.Request) is not null ||
                            context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            if (presented)
            {
                var result = await context.AuthenticateAsync();
                if (!result.Succeeded)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
                    await Problems.Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Invalid credentials",
                        "The API key or bearer token was not accepted (unknown, revoked, expired or malformed). " +
                        "Send a valid key in the X-API-Key header, or none for public data.").ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }
}
