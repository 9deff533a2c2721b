using System.Buffers;
using System.Text.Json;
using DesaGis.Data.Registry;
using DesaGis.Server.Http;
using DesaGis.Server.Ogc;
using DesaGis.Server.Registry;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// The registry's own resources beside OGC API Part 4: a partner's programmes with their review state and comments,
/// the reviewers' queue of drafts, and the review steps (publish, send back with a comment).
/// </summary>
public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/registry").WithTags("Programme registry");
        group.MapGet("/programs", ListAsync).WithName("RegistryPrograms")
            .WithSummary("The newest version of each programme the caller keeps (a partner: its own; a reviewer: all); state=draft is the review queue.")
            .Produces(200, contentType: OgcMediaTypes.GeoJson).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapPost("/programs/{kode}/publish", PublishAsync).WithName("PublishProgram")
            .WithSummary("Publish a programme's draft (reviewer): it is on the map and in the features at the next request.")
            .Produces(200, contentType: OgcMediaTypes.GeoJson).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        group.MapPost("/programs/{kode}/return", ReturnAsync).WithName("ReturnProgram")
            .WithSummary("Send a programme's draft back to its partner with a comment (reviewer); body {\"comment\": \"…\"}.")
            .Produces(200, contentType: OgcMediaTypes.GeoJson).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        group.MapGet("/partners", PartnersAsync).WithName("RegistryPartners")
            .WithSummary("The partner organisations (code, name, kind), for reviewers' forms.")
            .ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    private static readonly string[] States = ["draft", "returned", "published"];

    public static async Task<IResult> ListAsync(HttpContext http, ProgramRegistry registry, LinkBuilder links, string? state)
    {
        if (ProgramWriteEndpoints.Caller(http) is not { } caller) return ProgramWriteEndpoints.Refusal(http);
        if (state is not null && !States.Contains(state))
            return Problems.BadRequest(new LocalizedText(
                $"state '{Problems.Shorten(state, 20)}' tidak dikenal; gunakan {string.Join(", ", States)}.",
                $"state '{Problems.Shorten(state, 20)}' is unknown; use {string.Join(", ", States)}."));
        var heads = await registry.ListAsync(caller, state, http.RequestAborted);
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var w = new Utf8JsonWriter(buffer, OgcResponses.WriterOptions))
            ProgramFeatureWriter.WriteCollection(w, heads, [new(links.Self(http.Request, new Dictionary<string, string?>()), OgcRelations.Self, OgcMediaTypes.GeoJson, "These programmes")]);
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Bytes(buffer.WrittenMemory.ToArray(), OgcMediaTypes.GeoJson);
    }

    public static async Task<IResult> PublishAsync(HttpContext http, string kode, ProgramRegistry registry)
    {
        if (ProgramWriteEndpoints.Caller(http) is not { } caller) return ProgramWriteEndpoints.Refusal(http);
        try
        {
            var published = await registry.PublishAsync(caller, kode, RevisionETag.ParseIfMatch(http.Request.Headers.IfMatch.ToString()), http.RequestAborted);
            return Written(http, published);
        }
        catch (RegistryException ex)
        {
            return RegistryProblems.From(ex);
        }
    }

    public static async Task<IResult> ReturnAsync(HttpContext http, string kode, ProgramRegistry registry)
    {
        if (ProgramWriteEndpoints.Caller(http) is not { } caller) return ProgramWriteEndpoints.Refusal(http);
        string? comment = null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String)
                comment = c.GetString();
        }
        catch (JsonException)
        {
            // Reported below as a missing comment.
        }
        if (comment is null)
            return Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.InvalidBody, "Invalid body", new LocalizedText(
                "Kirim {\"comment\": \"…\"}: alasan pengembalian untuk mitra.", "Send {\"comment\": \"…\"}: why the draft goes back, for the partner."),
                new Dictionary<string, object?> { ["field"] = "comment" });
        try
        {
            var returned = await registry.ReturnAsync(caller, kode, comment, RevisionETag.ParseIfMatch(http.Request.Headers.IfMatch.ToString()), http.RequestAborted);
            return Written(http, returned);
        }
        catch (RegistryException ex)
        {
            return RegistryProblems.From(ex);
        }
    }

    public static async Task<IResult> PartnersAsync(HttpContext http, ProgramRegistry registry)
    {
        if (ProgramWriteEndpoints.Caller(http) is null) return ProgramWriteEndpoints.Refusal(http);
        var partners = await registry.PartnersAsync(http.RequestAborted);
        return TypedResults.Ok(new { partners = partners.Select(p => new { kode = p.Kode, nama = p.Nama, kind = p.Kind }) });
    }

    private static IResult Written(HttpContext http, ProgramRevision revision)
    {
        http.Response.Headers.ETag = RevisionETag.Format(revision.Revision);
        http.Response.Headers.CacheControl = "private, no-cache";
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, OgcResponses.WriterOptions)) ProgramFeatureWriter.Write(w, revision);
        return Results.Bytes(buffer.WrittenMemory.ToArray(), OgcMediaTypes.GeoJson);
    }
}
