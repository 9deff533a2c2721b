using DesaGis.Core.Layers;
using DesaGis.Data.Catalog;

namespace DesaGis.Server.Tiles;

/// <summary>Parses the layer part of a tile URL ("villages" or "a,b") against the catalog.</summary>
public static class TileLayerSet
{
    /// <summary>Largest number of layers one composite tile may combine.</summary>
    public const int MaxLayers = 8;

    /// <summary>The layers, or a reason (and whether it is an unknown layer, i.e. 404, rather than a 400).</summary>
    public static IReadOnlyList<LayerDefinition>? TryParse(string text, LayerCatalog catalog, out string? error, out bool unknown)
    {
        error = null;
        unknown = false;
        var ids = text.Split(',');
        if (ids.Length > MaxLayers)
        {
            error = $"A composite tile combines at most {MaxLayers} layers; this URL names {ids.Length}.";
            return null;
        }
        var layers = new List<LayerDefinition>(ids.Length);
        foreach (var id in ids)
        {
            if (catalog.Find(id) is not { } layer)
            {
                unknown = true;
                error = $"There is no tile layer '{Http.Problems.Shorten(id)}'. Known layers: {string.Join(", ", catalog.Layers.Select(l => l.Id))}. " +
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
