using System.Text;
using System.Text.Json;
using DesaGis.Core.Cql2;
using DesaGis.Core.Layers;
using DesaGis.Data.Catalog;
using DesaGis.Server.Ogc;
using DesaGis.Server.Security;
using static DesaGis.Server.Ogc.HtmlPage;

namespace DesaGis.Server.Endpoints;

/// <summary><c>/collections/{collectionId}/queryables</c>: the properties filters may use, as a JSON Schema.</summary>
public static class QueryablesEndpoints
{
    public static IEndpointRouteBuilder MapQueryablesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/collections/{collectionId}/queryables", QueryablesAsync).WithTags("OGC API Features").WithName("Queryables")
            .WithSummary("Queryable properties (JSON Schema)").Produces(200, contentType: OgcMediaTypes.SchemaJson)
            .Produces(200, contentType: OgcMediaTypes.Html).ProducesProblem(404);
        return app;
    }

    public static Task QueryablesAsync(HttpContext http, string collectionId, LinkBuilder links, LayerCatalog catalog)
    {
        if (LayerAccess.Find(catalog, collectionId, http.User) is not { } layer) return LayerAccess.Refusal(catalog, collectionId, http.User).ExecuteAsync(http);
        var format = ContentNegotiation.Negotiate(http.Request, out var error);
        if (format is null) return OgcResponses.BadFormat(error!).ExecuteAsync(http);
        var queryables = layer.Properties.Where(p => p.Queryable).ToList();
        if (format == OutputFormat.Json)
        {
            var id = links.Url(http.Request, "/collections/" + LinkBuilder.Segment(layer.Id) + "/queryables");
            return OgcResponses.WriteJsonAsync(http, OgcMediaTypes.SchemaJson, w =>
            {
                w.WriteStartObject();
                w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
                w.WriteString("$id", id);
                w.WriteString("type", "object");
                w.WriteString("title", layer.Title);
                w.WriteString("description", "The properties of '" + layer.Id + "' that filter, sortby and equality parameters may use.");
                w.WriteStartObject("properties");
                w.WriteStartObject(CqlValidator.GeometryProperty);
                w.WriteString("title", "Geometry");
                w.WriteString("format", GeometryFormat(layer.GeometryKind));
                w.WriteString("x-ogc-role", "primary-geometry");
                w.WriteEndObject();
                foreach (var p in queryables) WriteProperty(w, p);
                w.WriteEndObject();
                w.WriteBoolean("additionalProperties", false);
                w.WriteEndObject();
            });
        }
        var sb = new StringBuilder("<table><tr><th>Name</th><th>Type</th><th>Description</th></tr>");
        sb.Append("<tr><td><code>geometry</code></td><td>").Append(E(GeometryFormat(layer.GeometryKind))).Append("</td><td>Use with S_INTERSECTS and the other spatial functions</td></tr>");
        foreach (var p in queryables)
            sb.Append("<tr><td><code>").Append(E(p.Name)).Append("</code></td><td>").Append(E(JsonType(p.Type))).Append("</td><td>").Append(E(p.Description)).Append("</td></tr>");
        sb.Append("</table><p>Example: <code>").Append(E($"items?filter={queryables.FirstOrDefault()?.Name ?? "kode"} LIKE '63%'")).Append("</code></p>");
        return OgcResponses.WriteHtmlAsync(http, Render("Queryables of " + layer.Title, sb.ToString(), "?f=json",
            [("../../collections?f=html", "Collections"), ("../" + LinkBuilder.Segment(layer.Id) + "?f=html", layer.Title)], "../../"));
    }

    private static void WriteProperty(Utf8JsonWriter w, LayerProperty p)
    {
        w.WriteStartObject(p.Name);
        w.WriteString("title", p.Name);
        w.WriteString("description", p.Description);
        w.WriteString("type", JsonType(p.Type));
        if (p.Type == PropertyType.Date) w.WriteString("format", "date");
        if (p.Type == PropertyType.DateTime) w.WriteString("format", "date-time");
        w.WriteEndObject();
    }

    public static string JsonType(PropertyType t) => t switch
    {
        PropertyType.Integer => "integer",
        PropertyType.Number => "number",
        PropertyType.Boolean => "boolean",
        _ => "string",
    };

    private static string GeometryFormat(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => "geometry-point",
        GeometryKind.MultiLineString => "geometry-multilinestring",
        _ => "geometry-multipolygon",
    };
}
