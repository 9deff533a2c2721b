using Microsoft.Net.Http.Headers;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Tiles;

/// <summary>
/// Writes a tile: 204 when empty, 304 when the client's ETag matches, else the MVT, pre-compressed with brotli or
/// gzip when Accept-Encoding allows (the compression middleware leaves responses that carry Content-Encoding alone).
/// </summary>
public sealed class TileResult(CachedTile tile, string cacheControl) : IResult
{
    public const string MediaType = OgcMediaTypes.MapboxVectorTile;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        response.Headers.CacheControl = cacheControl;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (tile.IsEmpty)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        string encoding = ChooseEncoding(request.Headers.AcceptEncoding);
        response.Headers.ETag = encoding switch
        {
            "br" => tile.ETagBrotli,
            "gzip" => tile.ETagGzip,
            _ => tile.ETag,
        };
        if (Matches(request.Headers.IfNoneMatch, tile.ETagValue))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        byte[] body = encoding switch { "br" => tile.Brotli, "gzip" => tile.Gzip, _ => tile.Mvt };
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaType;
        if (encoding != "identity") response.Headers.ContentEncoding = encoding;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    /// <summary>br, then gzip, by the client's q-values; identity when it accepts neither.</summary>
    public static string ChooseEncoding(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        double br = 0, gzip = 0;
        foreach (var value in acceptEncoding)
        {
            if (value is null) continue;
            foreach (var part in value.Split(','))
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                double q = 1;
                foreach (var p in pieces.Skip(1))
                    if (p.StartsWith("q=", StringComparison.OrdinalIgnoreCase) &&
                        double.TryParse(p.AsSpan(2), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                        q = parsed;
                if (pieces[0].Equals("br", StringComparison.OrdinalIgnoreCase)) br = q;
                else if (pieces[0].Equals("gzip", StringComparison.OrdinalIgnoreCase)) gzip = q;
                else if (pieces[0] == "*") { br = br == 0 ? q : br; gzip = gzip == 0 ? q : gzip; }
            }
        }
        if (br > 0 && br >= gzip) return "br";
        return gzip > 0 ? "gzip" : "identity";
    }

    /// <summary>An If-None-Match naming this content in any encoding (or *) matches.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            if (value is null) continue;
            foreach (var raw in value.Split(','))
            {
                var tag = raw.Trim();
                if (tag == "*") return true;
                if (tag.StartsWith("W/", StringComparison.Ordinal)) tag = tag[2..];
                tag = tag.Trim('"');
                if (tag == etag || tag == etag + "-br" || tag == etag + "-gz") return true;
            }
        }
        return false;
    }
}
