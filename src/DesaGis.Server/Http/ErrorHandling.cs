using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace DesaGis.Server.Http;

/// <summary>
/// Turns every failure into RFC 9457 problem details: database outages and timeouts into 503 with Retry-After,
/// malformed requests into 400, anything else into a 500 whose body carries no stack trace or SQL.
/// </summary>
public static partial class ErrorHandling
{
    public static IServiceCollection AddDesaGisProblemDetails(this IServiceCollection services)
    {
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            ctx.ProblemDetails.Type ??= ctx.ProblemDetails.Status switch
            {
                401 => ProblemTypes.Unauthorized,
                403 => ProblemTypes.Forbidden,
                404 => ProblemTypes.NotFound,
                405 => ProblemTypes.MethodNotAllowed,
                413 => ProblemTypes.PayloadTooLarge,
                415 => ProblemTypes.UnsupportedMediaType,
                429 => ProblemTypes.TooManyRequests,
                >= 400 and < 500 => ProblemTypes.InvalidParameter,
                _ => ProblemTypes.InternalError,
            };
        });
        services.AddExceptionHandler<DesaGisExceptionHandler>();
        return services;
    }

    public static WebApplication UseDesaGisErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Classifies an exception into status, type, title and detail.</summary>
    internal static (int Status, string Type, string Title, string Detail, int? RetryAfter) Classify(Exception ex) => ex switch
    {
        BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? ProblemTypes.PayloadTooLarge : ProblemTypes.InvalidParameter,
            "Bad request", b.Message, null),
        OperationCanceledException or TimeoutException or NpgsqlException { InnerException: TimeoutException }
            => (503, ProblemTypes.DatabaseTimeout, "The request took too long",
                "The database did not answer in time. Narrow the request (a smaller bbox or limit) or try again shortly.", 5),
        PostgresException { SqlState: "57014" } => (503, ProblemTypes.DatabaseTimeout, "The request took too long",
            "The query ran past the statement timeout. Narrow the request (a smaller bbox or limit) or try again shortly.", 5),
        PostgresException { SqlState: var s } when s.StartsWith("57P", StringComparison.Ordinal) || s.StartsWith("08", StringComparison.Ordinal) || s == "53300"
            => (503, ProblemTypes.DatabaseUnavailable, "Database unavailable",
                "The database is restarting or overloaded. Try again in a few seconds.", 5),
        PostgresException { SqlState: var s } when s.StartsWith("22", StringComparison.Ordinal) || s.StartsWith("23", StringComparison.Ordinal)
            => (422, ProblemTypes.InvalidBody, "The data was refused",
                "The database refused a value (" + ((PostgresException)ex).SqlState + (((PostgresException)ex).ConstraintName is { } c ? ", rule " + c : "") +
                "): check the values' ranges and codes. Nothing was changed.", null),
        NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: System.Net.Sockets.SocketException }
            => (503, ProblemTypes.DatabaseUnavailable, "Database unavailable",
                "The database cannot be reached right now. Try again in a few seconds.", 5),
        _ => (500, ProblemTypes.InternalError, "Internal error",
            "Something went wrong on the server. The error was logged; quote the traceId when reporting it.", null),
    };

    private sealed partial class DesaGisExceptionHandler(IProblemDetailsService problems, ILogger<DesaGisExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away; nobody is listening for an answer.
                context.Response.StatusCode = 499;
                return true;
            }
            var (status, type, title, detail, retryAfter) = Classify(exception);
            if (status >= 500) LogFailure(logger, exception, context.Request.Method, context.Request.Path);
            context.Response.StatusCode = status;
            if (retryAfter is int seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
            });
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
        private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
    }
}
