using Microsoft.Net.Http.Headers;

namespace DesaGis.Server.Ogc;

/// <summary>
/// Picks JSON or HTML: the <c>f</c> parameter wins; otherwise the Accept header's preference, JSON when it has none.
/// </summary>
public static class ContentNegotiation
{
    /// <summary>The format, or null (with an error detail) when <c>f</c> names one we do not serve.</summary>
    public static OutputFormat? Negotiate(HttpRequest request, out string? error)
    {
        error = null;
        var f = request.Query["f"].ToString();
        if (f.Length > 0)
        {
            switch (f.ToLowerInvariant())
            {
                case "json" or "geojson" or OgcMediaTypes.Json or OgcMediaTypes.GeoJson: return OutputFormat.Json;
                case "html" or OgcMediaTypes.Html: return OutputFormat.Html;
                default:
                    error = $"f '{Http.Problems.Shorten(f)}' is not a format of this server; use f=json or f=html.";
                    return null;
            }
        }
        double html = -1, json = -1;
        if (MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepts))
        {
            foreach (var a in accepts)
            {
                var q = a.Quality ?? 1.0;
                var type = a.MediaType.Value ?? "";
                if (type.Equals(OgcMediaTypes.Html, StringComparison.OrdinalIgnoreCase) || type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
                    html = Math.Max(html, q);
                else if (type.EndsWith("json", StringComparison.OrdinalIgnoreCase))
                    json = Math.Max(json, q);
            }
        }
        return html > 0 && html > json ? OutputFormat.Html : OutputFormat.Json;
    }
}
