using System.Security.Claims;
using DesaGis.Server.Security;
using Npgsql;

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

    public static async Task<IResult> AuditAsync(NpgsqlDataSource dataSource, int? limit, CancellationToken ct)
    {
        int n = Math.Clamp(limit ?? 100, 1, 1000);
        await using var cmd = dataSource.CreateCommand(
            "SELECT id, at, actor, action, target, counts::text, details::text FROM desagis.audit_log ORDER BY id DESC LIMIT $1");
        cmd.Parameters.AddWithValue(n);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var entries = new List<object>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new
            {
                id = reader.GetInt64(0),
                at = reader.GetFieldValue<DateTimeOffset>(1),
                actor = reader.GetString(2),
                action = reader.GetString(3),
                target = reader.GetString(4),
                counts = System.Text.Json.JsonDocument.Parse(reader.GetString(5)).RootElement,
                details = System.Text.Json.JsonDocument.Parse(reader.GetString(6)).RootElement,
            });
        }
        return TypedResults.Ok(new { entries });
    }
}
