using DesaGis.Server.Http;

namespace DesaGis.Server.Ows;

/// <summary>
/// Turns what goes wrong in a WMS/WFS request into the service's exception report: an <see cref="OwsException"/> as
/// it is, a database outage or timeout as 503 with Retry-After (classified as for every other endpoint), anything else
/// as a logged 500 without internals.
/// </summary>
public static partial class OwsEndpointErrors
{
    public static Task WriteAsync(HttpContext http, OwsException ex, OwsDialect dialect, OwsLanguage language) =>
        OwsExceptionWriter.WriteAsync(http, ex, dialect, language);

    public static Task WriteFailureAsync(HttpContext http, Exception ex, OwsDialect dialect, OwsLanguage language, ILogger logger)
    {
        var (status, _, _, detail, _) = ErrorHandling.Classify(ex);
        if (status >= 500 && status != StatusCodes.Status503ServiceUnavailable) LogFailure(logger, ex, http.Request.Path, http.Request.QueryString.Value ?? "");
        var text = status switch
        {
            StatusCodes.Status503ServiceUnavailable => new OwsText(
                "Basis data sedang tidak tersedia atau tidak menjawab tepat waktu. Perkecil permintaan (BBOX atau jumlah objek) atau coba lagi sebentar lagi.",
                detail.English),
            < 500 => new OwsText("Permintaan tidak dapat diproses: " + detail.Indonesian, detail.English),
            _ => new OwsText("Terjadi kesalahan di server; kesalahan telah dicatat. Coba lagi atau hubungi pengelola.",
                "Something went wrong on the server; the error was logged. Try again or contact the operator."),
        };
        var code = status >= 500 ? OwsCodes.NoApplicableCode : OwsCodes.InvalidParameterValue;
        return OwsExceptionWriter.WriteAsync(http, new OwsException(code, null, text, status), dialect, language);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "OWS request {Path}{Query} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string path, string query);
}
