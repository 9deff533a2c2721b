using System.Text.Json.Nodes;
using DesaGis.Data.Partners;

namespace DesaGis.Server.Tiles;

/// <summary>
/// Colours programme footprints by partner in a served style. Partners live in the database, so the style file
/// colours by partner type; when served, layers marked <c>"desagis:colour-by": "partner"</c> in their metadata get
/// a colour per partner (by partner code, from a fixed palette in code order) and the legend entry of that layer
/// lists the partners.
/// </summary>
public sealed class PartnerPalette(PartnerReader reader)
{
    /// <summary>Twelve colours that stay apart from each other and from the poverty ramp (ColorBrewer Paired, reordered).</summary>
    public static readonly string[] Colours =
    [
        "#1f78b4", "#33a02c", "#6a3d9a", "#ff7f00", "#e31a1c", "#b15928",
        "#a6cee3", "#b2df8a", "#cab2d6", "#fdbf6f", "#fb9a99", "#ffff99",
    ];

    public const string Fallback = "#999999";

    public async Task ApplyAsync(JsonNode style, CancellationToken cancellationToken)
    {
        if (style["layers"] is not JsonArray layers) return;
        var marked = layers.OfType<JsonObject>()
            .Where(l => l["metadata"]?["desagis:colour-by"]?.GetValue<string>() == "partner").ToList();
        if (marked.Count == 0) return;

        var partners = await reader.ListAsync(cancellationToken);
        if (partners.Count == 0) return;

        foreach (var layer in marked)
        {
            var match = new JsonArray("match", new JsonArray("get", "partner_kode"));
            for (int i = 0; i < partners.Count; i++)
            {
                match.Add(partners[i].Kode);
                match.Add(Colours[i % Colours.Length]);
            }
            match.Add(Fallback);
            string property = layer["type"]?.GetValue<string>() == "line" ? "line-color" : "fill-color";
            if (layer["paint"] is JsonObject paint) paint[property] = match;
        }

        if (style["metadata"]?["desagis:legend"] is JsonArray legend)
        {
            var ids = marked.Select(l => l["id"]?.GetValue<string>()).ToHashSet();
            foreach (var entry in legend.OfType<JsonObject>().Where(e => ids.Contains(e["layer"]?.GetValue<string>())))
            {
                entry["property"] = "partner_kode";
                entry["title"] = "Partner programmes";
                entry["classes"] = new JsonArray(partners.Select((p, i) => (JsonNode)new JsonObject
                {
                    ["value"] = p.Kode,
                    ["label"] = p.Nama,
                    ["color"] = Colours[i % Colours.Length],
                }).ToArray());
            }
        }
    }
}
