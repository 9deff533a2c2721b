using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DesaGis.Core.Features;
using DesaGis.Server.Http;

namespace DesaGis.Server.Ogc;

/// <summary>
/// Writes small documents (metadata, single features, HTML pages) with an ETag computed from their bytes, so a
/// client that already has them gets a 304 without a body.
/// </summary>
public static class OgcResponses
{
    /// <summary>How long metadata and pages may be reused before revalidation.</summary>
    public const string CacheControl = "public, max-age=60";

    /// <summary>
    /// JSON as clients expect to read it: non-ASCII names and '+' in media types unescaped. Safe here because these
    /// documents are served as JSON, never inlined into HTML.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteJsonAsync(HttpContext http, string contentType, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(w);
        }
        return WriteBytesAsync(http, contentType, buffer.WrittenMemory);
    }

    public static Task WriteHtmlAsync(HttpContext http, string html) =>
        WriteBytesAsync(http, OgcMediaTypes.Html + "; charset=utf-8", Encoding.UTF8.GetBytes(html));

    public static async Task WriteBytesAsync(HttpContext http, string contentType, ReadOnlyMemory<byte> body)
    {
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(body.Span), 0, 12).ToLowerInvariant() + "\"";
        var response = http.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        response.Headers.Vary = "Accept";
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && (ifNoneMatch == "*" || ifNoneMatch.Split(',').Any(t => t.Trim().TrimStart('W', '/') == etag)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>A 400 problem for a request parameter, typed by what was wrong.</summary>
    public static IResult Problem(FeatureQueryException ex)
    {
        var (type, title) = ex.Kind switch
        {
            FeatureQueryErrorKind.Crs => (ProblemTypes.InvalidCrs, "Unsupported CRS"),
            FeatureQueryErrorKind.Filter => (ProblemTypes.InvalidFilter, "Invalid filter"),
            _ => (ProblemTypes.InvalidParameter, "Invalid parameter"),
        };
        var extensions = new Dictionary<string, object?> { ["parameter"] = ex.Parameter };
        return ex.IndonesianMessage is { } id
            ? Problems.Create(StatusCodes.Status400BadRequest, type, title, new LocalizedText(id, ex.Message), extensions)
            : Problems.Create(StatusCodes.Status400BadRequest, type, title, ex.Message, extensions);
    }

    public static IResult UnknownFeature(string collection, string id) =>
        Problems.NotFound($"Collection '{Problems.Shorten(collection)}' has no feature '{Problems.Shorten(id)}'.",
            ProblemTypes.UnknownFeature, "Unknown feature");

    public static IResult BadFormat(string detail) =>
        Problems.BadRequest(detail, ProblemTypes.InvalidParameter, "Unsupported format");
}
