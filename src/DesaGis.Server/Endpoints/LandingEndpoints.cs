using System.Text;
using DesaGis.Data.Catalog;
using DesaGis.Server.Ogc;
using DesaGis.Server.Security;
using static DesaGis.Server.Ogc.HtmlPage;

namespace DesaGis.Server.Endpoints;

/// <summary>The OGC API landing page: what this server is and where everything else is.</summary>
public static class LandingEndpoints
{
    public const string Title = "DesaGis";
    public const string Description = "Indonesian villages, their poverty and IDM indicators, partner programmes and transmigration areas, as OGC API Features, vector tiles and a web map.";

    public static IEndpointRouteBuilder MapLandingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", LandingAsync).WithTags("OGC API Features").WithName("Landing")
            .WithSummary("Landing page").Produces(200, contentType: OgcMediaTypes.Json).Produces(200, contentType: OgcMediaTypes.Html);
        return app;
    }

    public static Task LandingAsync(HttpContext http, LinkBuilder links, LayerCatalog catalog)
    {
        var format = ContentNegotiation.Negotiate(http.Request, out var error);
        if (format is null) return OgcResponses.BadFormat(error!).ExecuteAsync(http);
        var req = http.Request;
        var list = new List<OgcLink>
        {
            new(links.Url(req, "/", [new("f", "json")]), OgcRelations.Self, OgcMediaTypes.Json, "This document"),
            new(links.Url(req, "/", [new("f", "html")]), OgcRelations.Alternate, OgcMediaTypes.Html, "This document as HTML"),
            new(links.Url(req, "/api"), OgcRelations.ServiceDesc, OgcMediaTypes.OpenApi30, "The API definition (OpenAPI 3.0)"),
            new(links.Url(req, "/api.html"), OgcRelations.ServiceDoc, OgcMediaTypes.Html, "The API documentation"),
            new(links.Url(req, "/conformance"), OgcRelations.Conformance, OgcMediaTypes.Json, "Conformance classes implemented"),
            new(links.Url(req, "/collections"), OgcRelations.Data, OgcMediaTypes.Json, "The collections"),
            new(links.Url(req, "/search") + "?q={q}", OgcRelations.Data, OgcMediaTypes.GeoJson, "Village search by name or code", Templated: true),
            new(links.Url(req, "/tiles"), OgcRelations.Tiles, OgcMediaTypes.Json, "Vector tiles"),
            new(links.Url(req, "/viewer/"), OgcRelations.Viewer, OgcMediaTypes.Html, "Web map"),
        };
        if (format == OutputFormat.Json)
        {
            return OgcResponses.WriteJsonAsync(http, OgcMediaTypes.Json, w =>
            {
                w.WriteStartObject();
                w.WriteString("title", Title);
                w.WriteString("description", Description);
                OgcLink.WriteAll(w, list);
                w.WriteEndObject();
            });
        }
        var sb = new StringBuilder();
        sb.Append("<p>").Append(E(Description)).Append("</p><ul>")
          .Append("<li><a href=\"viewer/\">Web map (viewer)</a></li>")
          .Append("<li><a href=\"collections?f=html\">Collections</a> — every layer as GeoJSON and HTML</li>")
          .Append("<li><a href=\"tiles\">Vector tiles</a></li>")
          .Append("<li><a href=\"conformance?f=html\">Conformance</a></li>")
          .Append("<li><a href=\"api.html\">API documentation</a> (<a href=\"api\">OpenAPI 3.0</a>)</li></ul>")
          .Append("<h2>Collections</h2><ul>");
        foreach (var layer in LayerAccess.Visible(catalog, http.User))
            sb.Append("<li><a href=\"collections/").Append(E(LinkBuilder.Segment(layer.Id))).Append("?f=html\">").Append(E(layer.Title))
              .Append("</a> <span class=\"muted\">").Append(E(layer.Id)).Append("</span></li>");
        sb.Append("</ul><h2>Find a village</h2><form action=\"search\"><input name=\"q\" placeholder=\"name or code, e.g. 63.04\" required> ")
          .Append("<input type=\"hidden\" name=\"limit\" value=\"10\"><button>Search (GeoJSON)</button></form>");
        return OgcResponses.WriteHtmlAsync(http, Render(Title, sb.ToString(), "?f=json"));
    }
}
