using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using DesaGis.Core.Failures;
using DesaGis.Data.Failures;

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
            // The framework fills type with an RFC link for bare status codes; ours are stable URNs clients switch on.
            if (ctx.ProblemDetails.Type is null || ctx.ProblemDetails.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
                ctx.ProblemDetails.Type = ProblemCatalog.DefaultType(ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode);
        });
        services.AddExceptionHandler<DesaGisExceptionHandler>();
        // Parameter-binding failures throw, so they reach the exception handler with the parameter named, instead
        // of leaving a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseDesaGisErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Classifies an exception into status, type, title and detail (in both languages).</summary>
    internal static (int Status, string Type, string Title, LocalizedText Detail, int? RetryAfter) Classify(Exception ex) => ex switch
    {
        BadHttpRequestException { StatusCode: 413 } => (413, ProblemTypes.PayloadTooLarge, "Request body too large", new(
            "Isi permintaan melebihi batas untuk alamat ini (lihat docs/limits.md). Kirim isi yang lebih kecil, mis. area yang lebih kecil atau lebih sedikit objek.",
            "The request body is over this address's limit (see docs/limits.md). Send a smaller body, e.g. a smaller area or fewer features."), null),
        BadHttpRequestException { StatusCode: 415 } => (415, ProblemTypes.UnsupportedMediaType, "Unsupported media type", ProblemCatalog.DefaultDetail(415), null),
        BadHttpRequestException b => (b.StatusCode is >= 400 and < 500 ? b.StatusCode : 400, ProblemCatalog.DefaultType(b.StatusCode is >= 400 and < 500 ? b.StatusCode : 400), "Bad request", new(
            $"Permintaan tidak dapat dibaca: {Problems.Shorten(b.Message, 200)} Periksa parameter dan isi permintaan (lihat /api.html), lalu kirim lagi.",
            $"The request could not be read: {Problems.Shorten(b.Message, 200)} Check its parameters and body (see /api.html) and send it again."), null),
        InvalidDataException or System.Text.Json.JsonException => (400, ProblemTypes.InvalidBody, "Invalid body", new(
            "Isi permintaan rusak atau tidak lengkap (JSON atau unggahan multipart). Kirim ulang isi yang lengkap dan valid.",
            "The request body is malformed or incomplete (JSON or a multipart upload). Send a complete, valid body again."), null),
        IOException io when io.Message.Contains("Unexpected end", StringComparison.OrdinalIgnoreCase) => (400, ProblemTypes.InvalidBody, "Invalid body", new(
            "Isi permintaan berakhir sebelum lengkap (unggahan terpotong). Kirim ulang seluruh berkas.",
            "The request body ended before it was complete (a truncated upload). Send the whole file again."), null),
        DesaGis.Server.Tiles.TileRendersBusyException busy => (503, ProblemTypes.Busy, "The server is busy", new(
            $"Semua {busy.Slots} slot pembuatan ubin sedang dipakai dan antreannya ({busy.Queue}) penuh. Coba lagi setelah 1 detik (header Retry-After); ubin yang sudah tersimpan tetap dilayani.",
            $"All {busy.Slots} tile render slots are in use and their queue ({busy.Queue}) is full. Try again in 1 second (Retry-After); tiles already cached are served meanwhile."), 1),
        TimeoutException => DatabaseProblem(new DatabaseFailure(DatabaseFailureKind.Timeout)),
        OperationCanceledException
            => (503, ProblemTypes.RequestTimeout, "The request took too long", new(
                "Permintaan melebihi batas waktunya. Perkecil permintaan (bbox atau limit yang lebih kecil, zoom lebih sedikit) atau coba lagi sebentar lagi.",
                "The request ran past its time budget. Narrow it (a smaller bbox or limit, fewer zoom levels) or try again shortly."), 5),
        _ when DatabaseFailures.Classify(ex) is { } failure => DatabaseProblem(failure),
        _ => (500, ProblemTypes.InternalError, "Internal error", ProblemCatalog.DefaultDetail(500), null),
    };

    /// <summary>What the caller is told of a database failure.</summary>
    private static (int Status, string Type, string Title, LocalizedText Detail, int? RetryAfter) DatabaseProblem(DatabaseFailure failure) => failure.Kind switch
    {
        DatabaseFailureKind.Timeout => (503, ProblemTypes.DatabaseTimeout, "The request took too long", new(
            "Basis data tidak menjawab tepat waktu. Perkecil permintaan (bbox atau limit yang lebih kecil) atau coba lagi sebentar lagi.",
            "The database did not answer in time. Narrow the request (a smaller bbox or limit) or try again shortly."), 5),
        DatabaseFailureKind.StatementTimeout => (503, ProblemTypes.DatabaseTimeout, "The request took too long", new(
            "Kueri melebihi batas waktu basis data. Perkecil permintaan (bbox atau limit yang lebih kecil) atau coba lagi sebentar lagi.",
            "The query ran past the statement timeout. Narrow the request (a smaller bbox or limit) or try again shortly."), 5),
        DatabaseFailureKind.Unavailable => (503, ProblemTypes.DatabaseUnavailable, "Database unavailable", new(
            "Basis data sedang dimulai ulang atau kelebihan beban. Coba lagi dalam beberapa detik.",
            "The database is restarting or overloaded. Try again in a few seconds."), 5),
        DatabaseFailureKind.Unreachable => (503, ProblemTypes.DatabaseUnavailable, "Database unavailable", new(
            "Basis data tidak dapat dihubungi saat ini. Coba lagi dalam beberapa detik.",
            "The database cannot be reached right now. Try again in a few seconds."), 5),
        DatabaseFailureKind.ValueRefused => (422, ProblemTypes.InvalidBody, "The data was refused", new(
            "Basis data menolak sebuah nilai (" + failure.Rule + "): periksa rentang dan kode nilai. Tidak ada yang diubah.",
            "The database refused a value (" + failure.Rule + "): check the values' ranges and codes. Nothing was changed."), null),
        DatabaseFailureKind.OutsideCrsArea => (400, ProblemTypes.InvalidCrs, "Coordinates outside the CRS's area", new(
            "Koordinat berada di luar wilayah CRS yang diminta, sehingga tidak dapat diproyeksikan. Berikan koordinat di dalam wilayah CRS itu (untuk zona UTM: zona itu sendiri) atau gunakan CRS84 (bujur/lintang).",
            "The coordinates lie outside the requested CRS's area and cannot be projected. Give coordinates within that CRS's area (for a UTM zone: that zone) or use CRS84 (longitude/latitude)."), null),
        DatabaseFailureKind.TooComplex => (400, ProblemTypes.TooExpensive, "Request over the limit", new(
            "Permintaan terlalu besar atau terlalu rumit untuk basis data (mis. filter yang sangat bersarang). Sederhanakan permintaan.",
            "The request is too large or too complex for the database (e.g. a deeply nested filter). Simplify it."), null),
        _ => (500, ProblemTypes.InternalError, "Internal error", ProblemCatalog.DefaultDetail(500), null),
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
            // A full render queue is load, not a fault; the 503s are counted by whoever watches status codes.
            if (status >= 500 && exception is not DesaGis.Server.Tiles.TileRendersBusyException) LogFailure(logger, exception, context.Request.Method, context.Request.Path);
            context.Response.StatusCode = status;
            if (retryAfter is int seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = status, Type = type, Title = title, Detail = detail.English,
                    Extensions = { [Problems.IndonesianDetailKey] = detail.Indonesian },
                },
            });
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
        private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
    }
}
