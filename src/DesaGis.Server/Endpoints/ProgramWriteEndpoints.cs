using System.Buffers;
using System.Globalization;
using System.Text.Json;
using DesaGis.Core.Features;
using DesaGis.Data.Catalog;
using DesaGis.Data.Features;
using DesaGis.Data.Registry;
using DesaGis.Server.Http;
using DesaGis.Server.Ogc;
using DesaGis.Server.Registry;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// OGC API – Features Part 4 on the <c>programs</c> collection: partners create, replace, update and end their
/// programmes (<c>POST …/items</c>, <c>PUT</c>/<c>PATCH</c>/<c>DELETE …/items/{id}</c>) with ETag / If-Match, and
/// read a programme's versions (<c>…/items/{id}/history</c>, <c>?datetime=</c>). The registry (docs/registry.md)
/// keeps every write as a draft until a reviewer publishes it.
/// </summary>
public static class ProgramWriteEndpoints
{
    public const string CollectionId = "programs";
    private const string Items = "/collections/" + CollectionId + "/items";
    public const string MergePatchMediaType = "application/merge-patch+json";

    public static IEndpointRouteBuilder MapProgramWriteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Items, CreateAsync).WithTags("Programme registry").WithName("CreateProgram")
            .WithSummary("Add a programme (a GeoJSON feature); partner or reviewer. It is a draft until a reviewer publishes it.")
            .Accepts<JsonElement>(OgcMediaTypes.GeoJson, "application/json")
            .Produces(StatusCodes.Status201Created, contentType: OgcMediaTypes.GeoJson)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(415);
        app.MapGet(Items + "/{featureId}", GetAsync).WithTags("Programme registry").WithName("GetProgram")
            .WithSummary("One programme with its ETag: the published version, or for its partner and reviewers the newest draft; ?datetime= for the version on the map at an instant.")
            .Produces(200, contentType: OgcMediaTypes.GeoJson).ProducesProblem(400).ProducesProblem(404);
        app.MapPut(Items + "/{featureId}", ReplaceAsync).WithTags("Programme registry").WithName("ReplaceProgram")
            .WithSummary("Replace a programme (a GeoJSON feature); If-Match with its ETag, 412 when stale.")
            .Accepts<JsonElement>(OgcMediaTypes.GeoJson, "application/json")
            .Produces(200, contentType: OgcMediaTypes.GeoJson)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(412).ProducesProblem(415);
        app.MapPatch(Items + "/{featureId}", UpdateAsync).WithTags("Programme registry").WithName("UpdateProgram")
            .WithSummary("Change some fields of a programme (JSON Merge Patch of the feature); If-Match with its ETag, 412 when stale.")
            .Accepts<JsonElement>(MergePatchMediaType, "application/json", OgcMediaTypes.GeoJson)
            .Produces(200, contentType: OgcMediaTypes.GeoJson)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(412).ProducesProblem(415);
        app.MapDelete(Items + "/{featureId}", DeleteAsync).WithTags("Programme registry").WithName("DeleteProgram")
            .WithSummary("End a programme: once published it leaves the map; its history stays. If-Match with its ETag, 412 when stale.")
            .Produces(200, contentType: OgcMediaTypes.GeoJson)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(412);
        app.MapGet(Items + "/{featureId}/history", HistoryAsync).WithTags("Programme registry").WithName("ProgramHistory")
            .WithSummary("Every version of a programme, oldest first: who changed what and when, with the geometry and attributes of each (drafts only for its partner and reviewers).")
            .Produces(200, contentType: OgcMediaTypes.GeoJson).ProducesProblem(404);
        return app;
    }

    public static Task<IResult> CreateAsync(HttpContext http, ProgramRegistry registry, LinkBuilder links) =>
        WriteAsync(http, patch: false, async (caller, body) =>
        {
            var written = await registry.CreateAsync(caller, ProgramFeatureReader.ReadFeature(body), http.RequestAborted);
            http.Response.Headers.Location = links.Url(http.Request, Items + "/" + LinkBuilder.Segment(written.Kode));
            return FeatureResult(http, written, StatusCodes.Status201Created, links);
        });

    public static Task<IResult> ReplaceAsync(HttpContext http, string featureId, ProgramRegistry registry, LinkBuilder links) =>
        WriteAsync(http, patch: false, async (caller, body) =>
        {
            var input = ProgramFeatureReader.ReadFeature(body);
            if (input.Kode is { } id && id != featureId)
                throw RegistryException.Invalid("id",
                    $"Feature ber-id '{Problems.Shorten(id, 64)}' dikirim ke alamat program '{Problems.Shorten(featureId, 64)}'; keduanya harus sama.",
                    $"A feature with id '{Problems.Shorten(id, 64)}' was sent to the address of programme '{Problems.Shorten(featureId, 64)}'; they must agree.");
            var written = await registry.ReplaceAsync(caller, featureId, input, IfMatch(http), http.RequestAborted);
            return FeatureResult(http, written, StatusCodes.Status200OK, links);
        });

    public static Task<IResult> UpdateAsync(HttpContext http, string featureId, ProgramRegistry registry, LinkBuilder links) =>
        WriteAsync(http, patch: true, async (caller, body) =>
        {
            var written = await registry.UpdateAsync(caller, featureId, ProgramFeatureReader.ReadPatch(body), IfMatch(http), http.RequestAborted);
            return FeatureResult(http, written, StatusCodes.Status200OK, links);
        });

    /// <summary>The steps every write with a body shares: who writes, the body read, a refusal as its problem.</summary>
    private static async Task<IResult> WriteAsync(HttpContext http, bool patch, Func<RegistryCaller, JsonElement, Task<IResult>> write)
    {
        if (Caller(http) is not { } caller) return Refusal(http);
        using var body = await ReadBodyAsync(http, patch);
        if (body is null) return BodyProblem(http);
        try
        {
            return await write(caller, body.RootElement);
        }
        catch (RegistryException ex)
        {
            return RegistryProblems.From(ex);
        }
    }

    public static async Task<IResult> DeleteAsync(HttpContext http, string featureId, ProgramRegistry registry, LinkBuilder links)
    {
        if (Caller(http) is not { } caller) return Refusal(http);
        try
        {
            var written = await registry.DeleteAsync(caller, featureId, IfMatch(http), http.RequestAborted);
            return FeatureResult(http, written, StatusCodes.Status200OK, links);
        }
        catch (RegistryException ex)
        {
            return RegistryProblems.From(ex);
        }
    }

    public static async Task GetAsync(HttpContext http, string featureId, ProgramRegistry registry, LinkBuilder links, LayerCatalog catalog, FeatureStore store)
    {
        var format = ContentNegotiation.Negotiate(http.Request, out var error);
        var datetime = http.Request.Query["datetime"].ToString();
        // HTML pages and other CRSs are the collection's ordinary feature page.
        if (format != OutputFormat.Json || (http.Request.Query.ContainsKey("crs") && datetime.Length == 0))
        {
            await ItemsEndpoints.FeatureAsync(http, CollectionId, featureId, links, catalog, store);
            return;
        }
        if (datetime.Length > 0)
        {
            if (!DateTimeOffset.TryParse(datetime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) || datetime.Contains('/'))
            {
                await Problems.BadRequest(new LocalizedText(
                    $"datetime '{Problems.Shorten(datetime)}' harus satu waktu RFC 3339 (mis. 2026-03-01T00:00:00Z) untuk melihat program seperti pada saat itu.",
                    $"datetime '{Problems.Shorten(datetime)}' must be one RFC 3339 instant (e.g. 2026-03-01T00:00:00Z) to see the programme as it was then."))
                    .ExecuteAsync(http);
                return;
            }
            if (await registry.AsOfAsync(featureId, at, http.RequestAborted) is { } then)
            {
                await WriteFeatureAsync(http, then, links, "private, no-cache");
                return;
            }
            await NotOnMap(featureId, datetime).ExecuteAsync(http);
            return;
        }
        var caller = Caller(http);
        if (caller is not null && await registry.HeadAsync(featureId, http.RequestAborted) is { } head && caller.MaySee(head.PartnerKode)
            && !(head.IsDeletion && head.State == "published"))
        {
            await WriteFeatureAsync(http, head, links, "private, no-cache");
            return;
        }
        if (await registry.PublishedAsync(featureId, http.RequestAborted) is not { } published)
        {
            await OgcResponses.UnknownFeature(CollectionId, featureId).ExecuteAsync(http);
            return;
        }
        await WriteFeatureAsync(http, published, links, "no-cache");
    }

    public static async Task<IResult> HistoryAsync(HttpContext http, string featureId, ProgramRegistry registry, LinkBuilder links)
    {
        var all = await registry.HistoryAsync(featureId, http.RequestAborted);
        if (all.Count == 0) return OgcResponses.UnknownFeature(CollectionId, featureId);
        var caller = Caller(http);
        var shown = caller is not null && caller.MaySee(all[^1].PartnerKode) ? all : all.Where(r => r.State == "published").ToList();
        var self = links.Url(http.Request, Items + "/" + LinkBuilder.Segment(featureId) + "/history");
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var w = new Utf8JsonWriter(buffer, OgcResponses.WriterOptions))
            ProgramFeatureWriter.WriteCollection(w, shown,
            [
                new(self, OgcRelations.Self, OgcMediaTypes.GeoJson, "The versions of this programme"),
                new(links.Url(http.Request, Items + "/" + LinkBuilder.Segment(featureId)), "latest-version", OgcMediaTypes.GeoJson, "The programme now"),
            ]);
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Bytes(buffer.WrittenMemory.ToArray(), OgcMediaTypes.GeoJson);
    }

    private static IResult NotOnMap(string featureId, string datetime) => Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.UnknownFeature,
        "Unknown feature", new LocalizedText(
            $"Program '{Problems.Shorten(featureId, 64)}' tidak ada di peta pada {Problems.Shorten(datetime, 40)}. Riwayatnya: …/items/{Problems.Shorten(featureId, 64)}/history.",
            $"Programme '{Problems.Shorten(featureId, 64)}' was not on the map at {Problems.Shorten(datetime, 40)}. Its history: …/items/{Problems.Shorten(featureId, 64)}/history."));

    internal static RegistryCaller? Caller(HttpContext http) => RegistryCallers.From(http.User);

    /// <summary>401 without credentials, 403 for a signed-in caller who is neither a partner nor a reviewer.</summary>
    internal static IResult Refusal(HttpContext http) => http.User.Identity?.IsAuthenticated == true
        ? Problems.Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden", new LocalizedText(
            "Hanya akun mitra (partner) dan peninjau (reviewer, admin) yang dapat mengubah registri program. Minta kunci mitra kepada administrator.",
            "Only partner accounts and reviewers (reviewer, admin) can change the programme registry. Ask an administrator for a partner key."))
        : Problems.Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Valid credentials required", new LocalizedText(
            "Mengubah registri program memerlukan kunci API mitra atau peninjau di header X-API-Key (atau token Bearer).",
            "Changing the programme registry needs a partner's or reviewer's API key in the X-API-Key header (or a bearer token)."));

    private static int? IfMatch(HttpContext http) => RevisionETag.ParseIfMatch(http.Request.Headers.IfMatch.ToString());

    private static IResult FeatureResult(HttpContext http, ProgramRevision revision, int status, LinkBuilder links)
    {
        http.Response.Headers.ETag = RevisionETag.Format(revision.Revision);
        http.Response.Headers.CacheControl = "private, no-cache";
        return new GeoJsonBytesResult(FeatureBytes(http, revision, links), status);
    }

    private static Task WriteFeatureAsync(HttpContext http, ProgramRevision revision, LinkBuilder links, string cacheControl)
    {
        var etag = RevisionETag.Format(revision.Revision);
        var response = http.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && http.Request.Query["datetime"].Count == 0 && ifNoneMatch.Split(',').Any(t => t.Trim() == etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        return Results.Bytes(FeatureBytes(http, revision, links), OgcMediaTypes.GeoJson).ExecuteAsync(http);
    }

    private static byte[] FeatureBytes(HttpContext http, ProgramRevision revision, LinkBuilder links)
    {
        var path = Items + "/" + LinkBuilder.Segment(revision.Kode);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, OgcResponses.WriterOptions))
            ProgramFeatureWriter.Write(w, revision,
            [
                new(links.Url(http.Request, path), OgcRelations.Self, OgcMediaTypes.GeoJson, "This programme"),
                new(links.Url(http.Request, path + "/history"), "version-history", OgcMediaTypes.GeoJson, "Every version of this programme"),
                new(links.Url(http.Request, "/collections/" + CollectionId), OgcRelations.Collection, OgcMediaTypes.Json, "Partner programmes"),
            ]);
        return buffer.WrittenMemory.ToArray();
    }

    private sealed record BodyError(LocalizedText Text, int Status);

    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext http, bool patch)
    {
        var type = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        bool accepted = type is OgcMediaTypes.GeoJson or "application/json" || (patch && type == MergePatchMediaType);
        if (!accepted)
        {
            http.Items[nameof(BodyError)] = new BodyError(new LocalizedText(
                $"Kirim programnya sebagai GeoJSON dengan Content-Type: application/geo+json{(patch ? " (atau application/merge-patch+json)" : "")}, bukan '{Problems.Shorten(type ?? "tanpa jenis", 40)}'.",
                $"Send the programme as GeoJSON with Content-Type: application/geo+json{(patch ? " (or application/merge-patch+json)" : "")}, not '{Problems.Shorten(type ?? "none", 40)}'."),
                StatusCodes.Status415UnsupportedMediaType);
            return null;
        }
        try
        {
            return await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 64 }, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            http.Items[nameof(BodyError)] = new BodyError(new LocalizedText(
                $"Isi permintaan bukan JSON yang sah (baris {ex.LineNumber + 1}): {Problems.Shorten(ex.Message, 120)}",
                $"The body is not valid JSON (line {ex.LineNumber + 1}): {Problems.Shorten(ex.Message, 120)}"), StatusCodes.Status400BadRequest);
            return null;
        }
    }

    private static IResult BodyProblem(HttpContext http)
    {
        var error = (BodyError)http.Items[nameof(BodyError)]!;
        return error.Status == StatusCodes.Status415UnsupportedMediaType
            ? Problems.Create(error.Status, ProblemTypes.UnsupportedMediaType, "Unsupported media type", error.Text)
            : Problems.Create(error.Status, ProblemTypes.InvalidBody, "Invalid body", error.Text);
    }
}
