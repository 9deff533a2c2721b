using System.Globalization;
using System.Text;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;
using DesaGis.Data.Features;
using NetTopologySuite.Geometries;
using static DesaGis.Server.Ogc.HtmlPage;

namespace DesaGis.Server.Ogc;

/// <summary>The HTML pages of <c>/collections/{collectionId}/items</c> and of one feature, for people in a browser.</summary>
public static class ItemsHtmlPage
{
    /// <summary>A page of features: a preview map, paging links and the table, streamed from <paramref name="rows"/>.</summary>
    public static async Task WriteItemsAsync(HttpContext http, LayerDefinition layer, FeatureQuery query, long matched,
        IAsyncEnumerator<FeatureRecord> rows, bool any, IReadOnlyList<string> names, List<OgcLink> pageLinks)
    {
        var seg = LinkBuilder.Segment(layer.Id);
        var table = new StringBuilder("<table><tr><th>id</th>");
        foreach (var n in names) table.Append("<th>").Append(E(n)).Append("</th>");
        table.Append("</tr>");
        var shapes = new List<(Geometry, string?, string)>();
        int returned = 0;
        while (any)
        {
            var r = rows.Current;
            var id = Convert.ToString(r.Id, CultureInfo.InvariantCulture) ?? "";
            var href = "items/" + LinkBuilder.Segment(id) + "?f=html";
            table.Append("<tr><td><a href=\"").Append(E(href)).Append("\">").Append(E(id)).Append("</a></td>");
            foreach (var v in r.Values) table.Append("<td>").Append(E(Format(v))).Append("</td>");
            table.Append("</tr>");
            // The preview draws at most one page of the default size; bigger pages show the table only.
            if (returned < 1000 && SvgPreview.Parse(r.GeometryJson) is { } g) shapes.Add((g, href, id));
            returned++;
            any = await rows.MoveNextAsync();
        }
        table.Append("</table>");
        var sb = new StringBuilder();
        sb.Append("<p>").Append(E(layer.Description)).Append("</p><p>Features ")
          .Append(returned == 0 ? "0" : $"{query.Offset + 1}–{query.Offset + returned}").Append(" of ").Append(matched).Append(".</p>");
        if (shapes.Count > 0 && query.Crs.IsCrs84) sb.Append(SvgPreview.Render(shapes));
        sb.Append("<nav class=\"pages\">");
        foreach (var l in pageLinks.Where(l => l.Rel is OgcRelations.Prev or OgcRelations.Next))
            sb.Append("<a href=\"").Append(E(l.Href)).Append("\">").Append(E(l.Title)).Append("</a>");
        sb.Append("</nav>").Append(table).Append("<p class=\"muted\">Filter with <code>?filter=</code> (CQL2), <code>bbox</code>, <code>sortby</code>; see <a href=\"queryables?f=html\">queryables</a>.</p>");
        var json = pageLinks.First(l => l.Rel == OgcRelations.Alternate).Href;
        http.Response.Headers["Content-Crs"] = query.Crs.HeaderValue;
        await OgcResponses.WriteHtmlAsync(http, Render(layer.Title, sb.ToString(), json,
            [("../../collections?f=html", "Collections"), ("../" + seg + "?f=html", layer.Title)], "../../"));
    }

    /// <summary>One feature: a preview map and its properties.</summary>
    public static async Task WriteFeatureAsync(HttpContext http, LayerDefinition layer, FeatureRecord record, IReadOnlyList<string> names, CrsDefinition crs,
        string featureId)
    {
        var sb = new StringBuilder();
        if (crs.IsCrs84 && SvgPreview.Parse(record.GeometryJson) is { } g) sb.Append(SvgPreview.Render([(g, null, record.Id.ToString() ?? "")], 480, 320));
        sb.Append("<table>");
        for (int i = 0; i < names.Count; i++)
            sb.Append("<tr><th>").Append(E(names[i])).Append("</th><td>").Append(E(Format(record.Values[i]))).Append("</td></tr>");
        sb.Append("</table>");
        var seg = LinkBuilder.Segment(layer.Id);
        int nameIndex = names.ToList().IndexOf("nama");
        var title = nameIndex >= 0 && record.Values[nameIndex] is string nama ? nama : featureId;
        await OgcResponses.WriteHtmlAsync(http, Render(title, sb.ToString(), "?f=json",
            [("../../../collections?f=html", "Collections"), ("../../" + seg + "?f=html", layer.Title), ("../items?f=html", "Items")], "../../../"));
    }

    private static string Format(object? v) => v switch
    {
        null => "",
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
