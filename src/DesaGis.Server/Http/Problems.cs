using Microsoft.AspNetCore.Mvc;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Http;

/// <summary>Builds problem-details results; every error response of the server goes through here.</summary>
public static class Problems
{
    public const string MediaType = OgcMediaTypes.ProblemJson;

    /// <summary>An extension member carrying the Indonesian detail to the writer, which removes it.</summary>
    internal const string IndonesianDetailKey = "__detail_id";

    /// <summary>A problem whose detail is written in both languages; the writer picks the request's.</summary>
    public static IResult Create(int status, string type, string title, LocalizedText detail, IDictionary<string, object?>? extensions = null)
    {
        var ext = extensions is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(extensions);
        ext[IndonesianDetailKey] = detail.Indonesian;
        return Create(status, type, title, detail.English, ext);
    }

    /// <summary>A 400 with a detail in both languages.</summary>
    public static IResult BadRequest(LocalizedText detail, string type = ProblemTypes.InvalidParameter, string title = "Invalid request") =>
        Create(StatusCodes.Status400BadRequest, type, title, detail);

    public static IResult Create(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Type = type,
            Title = title,
            Detail = detail,
            Extensions = extensions ?? new Dictionary<string, object?>(),
        });

    public static IResult BadRequest(string detail, string type = ProblemTypes.InvalidParameter, string title = "Invalid request") =>
        Create(StatusCodes.Status400BadRequest, type, title, detail);

    public static IResult NotFound(string detail, string type = ProblemTypes.NotFound, string title = "Not found") =>
        Create(StatusCodes.Status404NotFound, type, title, detail);

    public static IResult UnknownCollection(string id, IEnumerable<string> known) =>
        NotFound($"There is no collection '{Shorten(id)}'. Known collections: {string.Join(", ", known)}.",
            ProblemTypes.UnknownCollection, "Unknown collection");

    /// <summary>Shortens request text echoed in a detail so a hostile value cannot bloat the response.</summary>
    public static string Shorten(string? text, int max = 80) =>
        text is null ? "" : text.Length <= max ? text : text[..max] + "…";
}
