using System.Security.Claims;
using DesaGis.Data.Security;
using DesaGis.Server.Security;

namespace DesaGis.Server.Endpoints;

/// <summary>Who the caller is (<c>/me</c>) and, for administrators, the audit trail.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", Me).WithTags("Security").WithName("WhoAmI")
            .WithSummary("The caller's identity and role (anonymous without credentials).");
        app.MapGet("/admin/audit", AuditAsync).WithTags("Security").WithName("AuditLog")
            .WithSummary("The newest audit-log entries (admin only).")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static IResult Me(ClaimsPrincipal user) => TypedResults.Ok(new
    {
        authenticated = user.Identity?.IsAuthenticated == true,
        name = Policies.Actor(user),
        roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().ToArray(),
        partner = user.FindFirst(Registry.RegistryCallers.PartnerClaim)?.Value,
    });

    public static async Task<IResult> AuditAsync(AuditLogReader audit, int? limit, CancellationToken ct)
    {
        int n = Math.Clamp(limit ?? 100, 1, 1000);
        var entries = (await audit.NewestAsync(n, ct)).Select(e => new
        {
            id = e.Id,
            at = e.At,
            actor = e.Actor,
            action = e.Action,
            target = e.Target,
            counts = e.Counts,
            details = e.Details,
        }).ToList();
        return TypedResults.Ok(new { entries });
    }
}
