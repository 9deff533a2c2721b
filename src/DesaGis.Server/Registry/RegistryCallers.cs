using System.Security.Claims;
using DesaGis.Data.Registry;
using DesaGis.Data.Security;
using DesaGis.Server.Security;

namespace DesaGis.Server.Registry;

/// <summary>Who a signed-in caller is to the registry: a partner (with its organisation) or a reviewer; null for anyone else.</summary>
public static class RegistryCallers
{
    /// <summary>The claim that names a partner account's organisation by its code (API keys and JWTs alike).</summary>
    public const string PartnerClaim = "partner";

    public static RegistryCaller? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var actor = Policies.Actor(user);
        if (Policies.HasRole(user, Roles.Reviewer)) return RegistryCaller.Reviewer(actor);
        if (Policies.HasRole(user, Roles.Partner) && user.FindFirst(PartnerClaim)?.Value is { Length: > 0 } partner)
            return RegistryCaller.Partner(actor, partner);
        return null;
    }
}
