using System.Globalization;
using System.Text;
using System.Text.Json;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;
using DesaGis.Data.Catalog;
using DesaGis.Data.Features;
using DesaGis.Server.Http;
using DesaGis.Server.Ogc;
using DesaGis.Server.Security;
using static DesaGis.Server.Ogc.HtmlPage;

namespace DesaGis.Server.Endpoints;

/// <summary><c>/collections</c> and <c>/collections/{collectionId}</c>: the layers, their extents, CRSs and links.</summary>
public static class CollectionsEndpoints
{
    public static IEndpointRouteBuilder MapCollectionsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/collections", CollectionsAsync).WithTags("OGC API Features").WithName("Collections")
            .WithSummary("The feature collections").Produces(200, contentType: OgcMediaTypes.Json).Produces(200, contentType: OgcMediaTypes.Html);
        app.MapGet("/collections/{collectionId}", CollectionAsync).WithTags("OGC API Features").WithName("Collection")
            .WithSummary("One feature collection").Produces(200, contentType: OgcMediaTypes.Json).Produces(200, contentType: OgcMediaTypes.Html)
            .ProducesProblem(404);
        return app;
    }

    public static async Task CollectionsAsync(HttpContext http, LinkBuilder links, LayerCatalog catalog, CollectionExtents extents)
    {
        var format = ContentNegotiation.Negotiate(http.Request, out var error);
        if (format is null) { await OgcResponses.BadFormat(error!).ExecuteAsync(http); return; }
        var ct = http.RequestAborted;
        var layers = new List<(LayerDefinition Layer, CollectionExtent Extent)>();
        foreach (var layer in LayerAccess.Visible(catalog, http.User)) layers.Add((layer, await extents.GetAsync(layer, ct)));
        var req = http.Request;
        if (format == OutputFormat.Json)
        {
            await OgcResponses.WriteJsonAsync(http, OgcMediaTypes.Json, w =>
            {
                w.WriteStartObject();
                OgcLink.WriteAll(w,
                [
                    new(links.Url(req, "/collections", [new("f", "json")]), OgcRelations.Self, OgcMediaTypes.Json, "The collections"),
                    new(links.Url(req, "/collections", [new("f", "html")]), OgcRelations.Alternate, OgcMediaTypes.Html, "The collections as HTML"),
                ]);
                w.WriteStartArray("collections");
                foreach (var (layer, extent) in layers) WriteCollection(w, req, links, layer, extent);
                w.WriteEndArray();
                w.WriteStartArray("crs");
                foreach (var c in CrsRegistry.Supported) w.WriteStringValue(c.Uri);
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        var sb = new StringBuilder("<table><tr><th>Collection</th><th>Description</th><th>Extent (CRS84)</th><th>Data</th></tr>");
        foreach (var (layer, extent) in layers)
        {
            var seg = E(LinkBuilder.Segment(layer.Id));
            sb.Append("<tr><td><a href=\"collections/").Append(seg).Append("?f=html\">").Append(E(layer.Title)).Append("</a><br><code>").Append(E(layer.Id))
              .Append("</code></td><td>").Append(E(layer.Description)).Append("</td><td>").Append(E(extent.Bbox?.ToString() ?? "empty"))
              .Append("</td><td><a href=\"collections/").Append(seg).Append("/items?f=html\">items</a> · <a href=\"collections/").Append(seg)
              .Append("/items?f=json\">GeoJSON</a> · <a href=\"collections/").Append(seg).Append("/queryables?f=html\">queryables</a></td></tr>");
        }
        sb.Append("</table>");
        await OgcResponses.WriteHtmlAsync(http, Render("Collections", sb.ToString(), "?f=json"));
    }

    public static async Task CollectionAsync(HttpContext http, string collectionId, LinkBuilder links, LayerCatalog catalog, CollectionExtents extents)
    {
        if (LayerAccess.Find(catalog, collectionId, http.User) is not { } layer) { await LayerAccess.Refusal(catalog, collectionId, http.User).ExecuteAsync(http); return; }
        var format = ContentNegotiation.Negotiate(http.Request, out var error);
        if (format is null) { await OgcResponses.BadFormat(error!).ExecuteAsync(http); return; }
        var extent = await extents.GetAsync(layer, http.RequestAborted);
        var req = http.Request;
        if (format == OutputFormat.Json)
        {
            await OgcResponses.WriteJsonAsync(http, OgcMediaTypes.Json, w => WriteCollection(w, req, links, layer, extent, self: true));
            return;
        }
        var seg = E(LinkBuilder.Segment(layer.Id));
        var sb = new StringBuilder();
        sb.Append("<p>").Append(E(layer.Description)).Append("</p><table>")
          .Append("<tr><th>Id</th><td><code>").Append(E(layer.Id)).Append("</code></td></tr>")
          .Append("<tr><th>Extent (CRS84)</th><td>").Append(E(extent.Bbox?.ToString() ?? "empty")).Append("</td></tr>");
        if (extent.FirstYear is int y0) sb.Append("<tr><th>Years</th><td>").Append(y0).Append(" – ").Append(extent.LastYear).Append("</td></tr>");
        sb.Append("<tr><th>CRS</th><td>").AppendJoin("<br>", CrsRegistry.Supported.Select(c => "<code>" + E(c.Uri) + "</code> " + E(c.Title))).Append("</td></tr></table>")
          .Append("<p><a href=\"").Append(seg).Append("/items?f=html\">Browse the items</a> · <a href=\"").Append(seg)
          .Append("/items?f=json\">GeoJSON</a> · <a href=\"").Append(seg).Append("/queryables?f=html\">Queryables</a> · <a href=\"../tiles/")
          .Append(seg).Append(".json\">Vector tiles</a> · <a href=\"../viewer/\">Web map</a></p>");
        await OgcResponses.WriteHtmlAsync(http, Render(layer.Title, sb.ToString(), "?f=json", [("../collections?f=html", "Collections")], "../"));
    }

    private static void WriteCollection(Utf8JsonWriter w, HttpRequest req, LinkBuilder links, LayerDefinition layer, CollectionExtent extent, bool self = false)
    {
        var path = "/collections/" + LinkBuilder.Segment(layer.Id);
        w.WriteStartObject();
        w.WriteString("id", layer.Id);
        w.WriteString("title", layer.Title);
        w.WriteString("description", layer.Description);
        w.WriteString("itemType", "feature");
        w.WriteStartObject("extent");
        w.WriteStartObject("spatial");
        w.WriteStartArray("bbox");
        w.WriteStartArray();
        // An empty layer still has to say something: the whole world.
        var box = extent.Bbox ?? new DesaGis.Core.BoundingBox(-180, -90, 180, 90);
        w.WriteNumberValue(box.MinX); w.WriteNumberValue(box.MinY); w.WriteNumberValue(box.MaxX); w.WriteNumberValue(box.MaxY);
        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteString("crs", CrsRegistry.Crs84Uri);
        w.WriteEndObject();
        if (layer.TemporalColumn is not null)
        {
            w.WriteStartObject("temporal");
            w.WriteStartArray("interval");
            w.WriteStartArray();
            if (extent.FirstYear is int first) w.WriteStringValue(first.ToString("D4", CultureInfo.InvariantCulture) + "-01-01T00:00:00Z"); else w.WriteNullValue();
            if (extent.LastYear is int last) w.WriteStringValue(last.ToString("D4", CultureInfo.InvariantCulture) + "-12-31T23:59:59Z"); else w.WriteNullValue();
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteString("trs", "http://www.opengis.net/def/uri/ISO-8601/0/Gregorian");
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("crs");
        foreach (var c in CrsRegistry.Supported) w.WriteStringValue(c.Uri);
        w.WriteEndArray();
        w.WriteString("storageCrs", CrsRegistry.Crs84Uri);
        OgcLink.WriteAll(w,
        [
            new(links.Url(req, path, [new("f", "json")]), self ? OgcRelations.Self : OgcRelations.Collection, OgcMediaTypes.Json, "This collection"),
            new(links.Url(req, path, [new("f", "html")]), OgcRelations.Alternate, OgcMediaTypes.Html, "This collection as HTML"),
            new(links.Url(req, path + "/items", [new("f", "json")]), OgcRelations.Items, OgcMediaTypes.GeoJson, "The features as GeoJSON"),
            new(links.Url(req, path + "/items", [new("f", "html")]), OgcRelations.Items, OgcMediaTypes.Html, "The features as HTML"),
            new(links.Url(req, path + "/queryables"), OgcRelations.Queryables, OgcMediaTypes.SchemaJson, "The properties that can be filtered on"),
            new(links.Url(req, path + "/tiles"), OgcRelations.TilesetsVector, OgcMediaTypes.Json, "Vector tilesets (OGC API Tiles)"),
            new(links.Url(req, "/tiles/" + LinkBuilder.Segment(layer.Id) + ".json"), OgcRelations.Tiles, OgcMediaTypes.Json, "Vector tiles (TileJSON)"),
        ]);
        w.WriteEndObject();
    }
}
