using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Http;

/// <summary>
/// Writes problem details as application/problem+json whatever the request's Accept header says: a client that
/// asked for, say, only image/png still needs to learn why it got none. Every problem leaves here with a type, a
/// title and a detail in the request's language (<see cref="RequestLanguage"/>), and every 503 with Retry-After.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<JsonOptions> jsonOptions, IOptions<ProblemDetailsOptions> problemOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        // The same customisation (instance, traceId, default type) the framework's writer would apply.
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        var http = context.HttpContext;
        var response = http.Response;
        var problem = context.ProblemDetails;
        bool english = RequestLanguage.PrefersEnglish(http.Request);
        problem.Status ??= response.StatusCode;
        problem.Type ??= ProblemCatalog.DefaultType(problem.Status);
        problem.Title = ProblemCatalog.Title(problem.Type, english) ?? problem.Title;
        bool localized = true;
        if (problem.Extensions.Remove(Problems.IndonesianDetailKey, out var indonesian) && indonesian is string id)
        {
            if (!english) problem.Detail = id;
        }
        else if (string.IsNullOrWhiteSpace(problem.Detail))
        {
            problem.Detail = ProblemCatalog.DefaultDetail(problem.Status ?? 500).In(english);
        }
        else
        {
            // Endpoint texts written in English only.
            localized = english;
        }
        problem.Title ??= ProblemCatalog.DefaultDetail(problem.Status ?? 500).In(english);
        response.Headers.ContentLanguage = localized && !english ? "id" : "en";
        if (response.StatusCode == StatusCodes.Status503ServiceUnavailable && !response.Headers.ContainsKey("Retry-After"))
            response.Headers.RetryAfter = "5";
        response.ContentType = Problems.MediaType;
        return new ValueTask(JsonSerializer.SerializeAsync(response.Body, problem,
            jsonOptions.Value.SerializerOptions, http.RequestAborted));
    }
}
