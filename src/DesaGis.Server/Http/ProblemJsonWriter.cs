using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Http;

/// <summary>
/// Writes problem details as application/problem+json whatever the request's Accept header says: a client that
/// asked for, say, only image/png still needs to learn why it got none.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<JsonOptions> jsonOptions, IOptions<ProblemDetailsOptions> problemOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        // The same customisation (instance, traceId, default type) the framework's writer would apply.
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        var response = context.HttpContext.Response;
        response.ContentType = Problems.MediaType;
        return new ValueTask(JsonSerializer.SerializeAsync(response.Body, context.ProblemDetails,
            jsonOptions.Value.SerializerOptions, context.HttpContext.RequestAborted));
    }
}
