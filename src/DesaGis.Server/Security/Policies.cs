using System.Security.Claims;
using DesaGis.Core.Layers;
using DesaGis.Data.Security;

namespace DesaGis.Server.Security;

/// <summary>Authorization policy names (one per role) and the check for restricted layers.</summary>
public static class Policies
{
    public const string Viewer = "role:viewer";
    public const string Planner = "role:planner";
    public const string Admin = "role:admin";

    /// <summary>Whether the caller holds a role at least as trusted as <paramref name="required"/>.</summary>
    public static bool HasRole(ClaimsPrincipal user, string required) =>
        user.Identity?.IsAuthenticated == true &&
        user.FindAll(ClaimTypes.Role).Any(c => Roles.Satisfies(c.Value, required));

    /// <summary>Whether the caller may see a layer: public layers are for everyone, restricted ones for their role.</summary>
    public static bool CanRead(ClaimsPrincipal user, LayerDefinition layer) =>
        layer.RequiredRole is null || HasRole(user, layer.RequiredRole);

    /// <summary>The caller's name for the audit log.</summary>
    public static string Actor(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? user.Identity.Name ?? "authenticated"
        : "anonymous";
}
