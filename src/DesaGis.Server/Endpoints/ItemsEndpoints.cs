using System.Globalization;
using System.Text.Json;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;
using DesaGis.Data.Catalog;
using DesaGis.Data.Features;
using DesaGis.Server.Ogc;
using DesaGis.Server.Security;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// <c>/collections/{collectionId}/items</c> and <c>/items/{featureId}</c>. Pages of features are streamed to the
/// response as the rows arrive from PostGIS, so even 10,000 villages never sit in memory at once.
/// </summary>
public static class ItemsEndpoints
{
    /// <summary>Flush to the client whenever this much JSON has accumulated.</summary>
    private const int FlushThreshold = 32 * 1024;

    public static IEndpointRouteBuilder MapItemsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/collections/{collectionId}/items", ItemsAsync).WithTags("OGC API Features").WithName("Items")
            .WithSummary("Features of a collection").Produces(200, contentType: OgcMediaTypes.GeoJson).Produces(200, contentType: OgcMediaTypes.Html)
            .ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/collections/{collectionId}/items/{featureId}", FeatureAsync).WithTags("OGC API Features").WithName("Feature")
            .WithSummary("One feature").Produces(200, contentType: OgcMediaTypes.GeoJson).Produces(200, contentType: OgcMediaTypes.Html)
            .ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    /// <summary>The query string as name → first value.</summary>
    public static Dictionary<string, string> QueryParameters(HttpRequest request)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in request.Query) d[k] = v.Count > 0 ? v[0] ?? "" : "";
        return d;
    }

    public static async Task ItemsAsync(HttpContext http, string collectionId, LinkBuilder links, LayerCatalog catalog, FeatureStore store)
    {
        if (LayerAccess.Find(catalog, collectionId, http.User) is not { } layer) { await LayerAccess.Refusal(catalog, collectionId, http.User).ExecuteAsync(http); return; }
        var format = ContentNegotiation.Negotiate(http.Request, out var error);
        if (format is null) { await OgcResponses.BadFormat(error!).ExecuteAsync(http); return; }
        FeatureQuery query;
        try
        {
            query = FeatureQueryParser.Parse(layer, QueryParameters(http.Request));
        }
        catch (FeatureQueryException ex)
        {
            await OgcResponses.Problem(ex).ExecuteAsync(http);
            return;
        }
        var ct = http.RequestAborted;
        long matched = await store.CountAsync(query, ct);
        var names = GeoJsonFeatureWriter.Names(query.SelectedProperties);
        await using var rows = store.StreamAsync(query, ct).GetAsyncEnumerator(ct);
        // The first row is read before anything is sent, so a failing query still becomes a problem response.
        bool any = await rows.MoveNextAsync();
        var pageLinks = PageLinks(http.Request, links, layer, query, matched, format.Value);
        if (format == OutputFormat.Html)
        {
            await ItemsHtmlPage.WriteItemsAsync(http, layer, query, matched, rows, any, names, pageLinks);
            return;
        }

        var response = http.Response;
        response.ContentType = OgcMediaTypes.GeoJson;
        response.Headers["Content-Crs"] = query.Crs.HeaderValue;
        response.Headers.CacheControl = "public, max-age=30";
        response.Headers.Vary = "Accept";
        await using var w = new Utf8JsonWriter(response.BodyWriter, OgcResponses.WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteNumber("numberMatched", matched);
        w.WriteString("timeStamp", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        OgcLink.WriteAll(w, pageLinks);
        int returned = await GeoJsonFeatureWriter.WriteFeaturesAsync(w, response.BodyWriter, rows, any, names, FlushThreshold, null, ct);
        w.WriteNumber("numberReturned", returned);
        w.WriteEndObject();
        await w.FlushAsync(ct);
    }

    private static List<OgcLink> PageLinks(HttpRequest req, LinkBuilder links, LayerDefinition layer, FeatureQuery query, long matched, OutputFormat format)
    {
        string own = format == OutputFormat.Json ? "json" : "html";
        string other = format == OutputFormat.Json ? "html" : "json";
        var list = new List<OgcLink>
        {
            new(links.Self(req, new Dictionary<string, string?> { ["f"] = own }), OgcRelations.Self,
                format == OutputFormat.Json ? OgcMediaTypes.GeoJson : OgcMediaTypes.Html, "This page"),
            new(links.Self(req, new Dictionary<string, string?> { ["f"] = other }), OgcRelations.Alternate,
                format == OutputFormat.Json ? OgcMediaTypes.Html : OgcMediaTypes.GeoJson, "This page as " + other.ToUpperInvariant()),
        };
        string type = format == OutputFormat.Json ? OgcMediaTypes.GeoJson : OgcMediaTypes.Html;
        if (query.Offset + query.Limit < matched)
        {
            list.Add(new(links.Self(req, new Dictionary<string, string?>
            {
                ["f"] = own,
                ["offset"] = (query.Offset + query.Limit).ToString(CultureInfo.InvariantCulture),
                ["limit"] = query.Limit.ToString(CultureInfo.InvariantCulture),
            }), OgcRelations.Next, type, "Next page"));
        }
        if (query.Offset > 0)
        {
            list.Add(new(links.Self(req, new Dictionary<string, string?>
            {
                ["f"] = own,
                ["offset"] = Math.Max(0, query.Offset - query.Limit).ToString(CultureInfo.InvariantCulture),
                ["limit"] = query.Limit.ToString(CultureInfo.InvariantCulture),
            }), OgcRelations.Prev, type, "Previous page"));
        }
        list.Add(new(links.Url(req, "/collections/" + LinkBuilder.Segment(layer.Id)), OgcRelations.Collection, OgcMediaTypes.Json, layer.Title));
        return list;
    }

    public static async Task FeatureAsync(HttpContext http, string collectionId, string featureId, LinkBuilder links, LayerCatalog catalog, FeatureStore store)
    {
        if (LayerAccess.Find(catalog, collectionId, http.User) is not { } layer) { await LayerAccess.Refusal(catalog, collectionId, http.User).ExecuteAsync(http); return; }
        var format = ContentNegotiation.Negotiate(http.Request, out var error);
        if (format is null) { await OgcResponses.BadFormat(error!).ExecuteAsync(http); return; }
        var crsText = http.Request.Query["crs"].ToString();
        var crs = crsText.Length == 0 ? CrsRegistry.Crs84 : CrsRegistry.Resolve(crsText);
        if (crs is null)
        {
            await OgcResponses.Problem(new FeatureQueryException("crs", $"crs '{Http.Problems.Shorten(crsText)}' is not supported. Supported: {CrsRegistry.Describe()}.", FeatureQueryErrorKind.Crs)).ExecuteAsync(http);
            return;
        }
        var record = await store.GetAsync(layer, featureId, crs, http.RequestAborted);
        // Region codes are accepted in their digits-only form too (6304012001 for 63.04.01.2001).
        if (record is null && DesaGis.Core.Codes.KemendagriCode.TryParse(featureId) is { } code && code.Dotted != featureId)
            record = await store.GetAsync(layer, code.Dotted, crs, http.RequestAborted);
        if (record is null) { await OgcResponses.UnknownFeature(collectionId, featureId).ExecuteAsync(http); return; }
        var req = http.Request;
        var path = "/collections/" + LinkBuilder.Segment(layer.Id) + "/items/" + LinkBuilder.Segment(Convert.ToString(record.Id, CultureInfo.InvariantCulture) ?? "");
        http.Response.Headers["Content-Crs"] = crs.HeaderValue;
        var names = GeoJsonFeatureWriter.Names(layer.Properties);
        if (format == OutputFormat.Json)
        {
            KeyValuePair<string, string>? extra = crs.IsCrs84 ? null : new KeyValuePair<string, string>("crs", crs.Uri);
            await OgcResponses.WriteJsonAsync(http, OgcMediaTypes.GeoJson, w => GeoJsonFeatureWriter.Write(w, record, names,
            [
                new(links.Url(req, path, Query("json", extra)), OgcRelations.Self, OgcMediaTypes.GeoJson, "This feature"),
                new(links.Url(req, path, Query("html", extra)), OgcRelations.Alternate, OgcMediaTypes.Html, "This feature as HTML"),
                new(links.Url(req, "/collections/" + LinkBuilder.Segment(layer.Id)), OgcRelations.Collection, OgcMediaTypes.Json, layer.Title),
            ]));
            return;
        }
        await ItemsHtmlPage.WriteFeatureAsync(http, layer, record, names, crs, featureId);
    }

    private static IEnumerable<KeyValuePair<string, string>> Query(string f, KeyValuePair<string, string>? extra)
    {
        yield return new("f", f);
        if (extra is { } e) yield return e;
    }
}
