using System.Text;
using DesaGis.Server.Ogc;
using static DesaGis.Server.Ogc.HtmlPage;

namespace DesaGis.Server.Endpoints;

/// <summary>The conformance declaration: exactly the OGC classes this server implements.</summary>
public static class ConformanceEndpoints
{
    public static IEndpointRouteBuilder MapConformanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/conformance", ConformanceAsync).WithTags("OGC API Features").WithName("Conformance")
            .WithSummary("Conformance classes").Produces(200, contentType: OgcMediaTypes.Json).Produces(200, contentType: OgcMediaTypes.Html);
        return app;
    }

    public static Task ConformanceAsync(HttpContext http, LinkBuilder links)
    {
        var format = ContentNegotiation.Negotiate(http.Request, out var error);
        if (format is null) return OgcResponses.BadFormat(error!).ExecuteAsync(http);
        if (format == OutputFormat.Json)
        {
            return OgcResponses.WriteJsonAsync(http, OgcMediaTypes.Json, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("conformsTo");
                foreach (var c in OgcConformance.Classes) w.WriteStringValue(c);
                w.WriteEndArray();
                OgcLink.WriteAll(w,
                [
                    new(links.Url(http.Request, "/conformance", [new("f", "json")]), OgcRelations.Self, OgcMediaTypes.Json, "This document"),
                    new(links.Url(http.Request, "/conformance", [new("f", "html")]), OgcRelations.Alternate, OgcMediaTypes.Html, "This document as HTML"),
                ]);
                w.WriteEndObject();
            });
        }
        var sb = new StringBuilder("<ul>");
        foreach (var c in OgcConformance.Classes) sb.Append("<li><code>").Append(E(c)).Append("</code></li>");
        sb.Append("</ul>");
        return OgcResponses.WriteHtmlAsync(http, Render("Conformance", sb.ToString(), "?f=json"));
    }
}
