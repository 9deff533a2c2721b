using System.Globalization;
using System.Text.Json;
using DesaGis.Data.Features;
using DesaGis.Server.Http;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// <c>GET /search?q=…&amp;limit=10</c>: villages by name or Kemendagri code for the viewer's search box, as a GeoJSON
/// FeatureCollection of village_indicators features, each with its <c>bbox</c> so the map can zoom to it.
/// </summary>
public static class SearchEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", SearchAsync).WithTags("Search").WithName("VillageSearch")
            .WithSummary("Find villages by name or Kemendagri code").Produces(200, contentType: OgcMediaTypes.GeoJson).ProducesProblem(400);
        return app;
    }

    public static async Task SearchAsync(HttpContext http, VillageSearch search, LinkBuilder links)
    {
        var q = http.Request.Query["q"].ToString();
        if (q.Length == 0 || !VillageSearch.IsSearchable(q))
        {
            await Problems.BadRequest("Give q, a village name (or part of one) or a Kemendagri code, e.g. /search?q=Sungai or /search?q=63.04.01.").ExecuteAsync(http);
            return;
        }
        if (q.Length > 100)
        {
            await Problems.BadRequest($"q is {q.Length} characters long; at most 100 are searched.").ExecuteAsync(http);
            return;
        }
        int limit = DefaultLimit;
        var limitText = http.Request.Query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            await Problems.BadRequest($"limit '{Problems.Shorten(limitText)}' is not a whole number from 1 to {MaxLimit}.").ExecuteAsync(http);
            return;
        }
        limit = Math.Min(limit, MaxLimit);
        var results = new List<FeatureRecord>();
        await foreach (var r in search.SearchAsync(q, limit, http.RequestAborted)) results.Add(r);
        await OgcResponses.WriteJsonAsync(http, OgcMediaTypes.GeoJson, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteNumber("numberReturned", results.Count);
            OgcLink.WriteAll(w,
            [
                new(links.Self(http.Request, new Dictionary<string, string?>()), OgcRelations.Self, OgcMediaTypes.GeoJson, "This search"),
                new(links.Url(http.Request, "/collections/village_indicators"), OgcRelations.Collection, OgcMediaTypes.Json, "Villages with indicators"),
            ]);
            w.WriteStartArray("features");
            foreach (var r in results) GeoJsonFeatureWriter.Write(w, r, VillageSearch.PropertyNames);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
