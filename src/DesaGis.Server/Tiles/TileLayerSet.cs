using DesaGis.Core.Layers;
using System.Security.Claims;
using DesaGis.Data.Catalog;
using DesaGis.Server.Security;

namespace DesaGis.Server.Tiles;

/// <summary>Parses the layer part of a tile URL ("villages" or "a,b") against the catalog.</summary>
public static class TileLayerSet
{
    /// <summary>Largest number of layers one composite tile may combine.</summary>
    public const int MaxLayers = 8;

    /// <summary>
    /// The layers, or a reason and its status: 400 for a malformed list, 404 for a layer that does not exist or that
    /// an anonymous caller may not see, 403 for a restricted layer and a signed-in caller without its role.
    /// </summary>
    public static IReadOnlyList<LayerDefinition>? TryParse(string text, LayerCatalog catalog, ClaimsPrincipal? user, out string? error, out int status)
    {
        error = null;
        status = StatusCodes.Status400BadRequest;
        var ids = text.Split(',');
        if (ids.Length > MaxLayers)
        {
            error = $"A composite tile combines at most {MaxLayers} layers; this URL names {ids.Length}.";
            return null;
        }
        var layers = new List<LayerDefinition>(ids.Length);
        foreach (var id in ids)
        {
            if (LayerAccess.Find(catalog, id, user) is not { } layer)
            {
                if (catalog.Find(id) is { RequiredRole: { } role } && user?.Identity?.IsAuthenticated == true)
                {
                    status = StatusCodes.Status403Forbidden;
                    error = $"The layer '{id}' is restricted to the {role} role; ask an administrator for a key with that role.";
                    return null;
                }
                status = StatusCodes.Status404NotFound;
                error = $"There is no tile layer '{Http.Problems.Shorten(id)}'. Known layers: {string.Join(", ", LayerAccess.Visible(catalog, user).Select(l => l.Id))}. " +
                        "Combine several with commas, e.g. /tiles/village_indicators,kecamatan/{z}/{x}/{y}.mvt.";
                return null;
            }
            if (layers.Contains(layer))
            {
                error = $"The layer '{id}' is named twice; name each layer once.";
                return null;
            }
            layers.Add(layer);
        }
        return layers;
    }
}
