using System.Security.Claims;
using DesaGis.Core.Layers;
using DesaGis.Data.Catalog;
using DesaGis.Server.Http;

namespace DesaGis.Server.Security;

/// <summary>
/// Which layers a caller may see. Every endpoint that takes a layer id (features, tiles, exports) resolves it here,
/// so a restricted layer is hidden from listings and refused everywhere alike: 404 to anonymous callers (its
/// existence is not disclosed), 403 to authenticated callers without the role.
/// </summary>
public static class LayerAccess
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    /// <summary>The layers the caller may read, in catalog order.</summary>
    public static IEnumerable<LayerDefinition> Visible(LayerCatalog catalog, ClaimsPrincipal? user) =>
        catalog.Layers.Where(l => Policies.CanRead(user ?? Anonymous, l));

    /// <summary>The layer, when it exists and the caller may read it.</summary>
    public static LayerDefinition? Find(LayerCatalog catalog, string id, ClaimsPrincipal? user) =>
        catalog.Find(id) is { } layer && Policies.CanRead(user ?? Anonymous, layer) ? layer : null;

    /// <summary>The answer for an id <see cref="Find"/> did not return: 403 for a restricted layer and a signed-in caller, else 404.</summary>
    public static IResult Refusal(LayerCatalog catalog, string id, ClaimsPrincipal? user)
    {
        if (catalog.Find(id) is { RequiredRole: { } role } && user?.Identity?.IsAuthenticated == true)
            return Problems.Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Restricted layer",
                $"The layer '{id}' is restricted to the {role} role; ask an administrator for a key with that role.");
        return Problems.UnknownCollection(id, Visible(catalog, user).Select(l => l.Id));
    }
}
