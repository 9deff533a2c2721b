using System.Text;
using DesaGis.Server.Configuration;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Ogc;

/// <summary>
/// Builds absolute URLs for links: from DesaGis:PublicBaseUrl when the server sits behind a proxy, else from the
/// request's scheme, host and path base.
/// </summary>
public sealed class LinkBuilder(IOptions<DesaGisOptions> options)
{
    public string BaseUrl(HttpRequest request)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return options.Value.PublicBaseUrl.TrimEnd('/');
        return $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}".TrimEnd('/');
    }

    /// <summary>An absolute URL for a path (starting with '/'), with optional query parameters.</summary>
    public string Url(HttpRequest request, string path, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var sb = new StringBuilder(BaseUrl(request)).Append(path);
        if (query is not null)
        {
            char sep = '?';
            foreach (var (k, v) in query)
            {
                sb.Append(sep).Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v));
                sep = '&';
            }
        }
        return sb.ToString();
    }

    /// <summary>The request's own URL with some parameters replaced (null removes one); used for self/next/prev/alternate.</summary>
    public string Self(HttpRequest request, IReadOnlyDictionary<string, string?> replace)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (k, values) in request.Query)
        {
            if (replace.ContainsKey(k)) continue;
            foreach (var v in values) if (v is not null) pairs.Add(new(k, v));
        }
        foreach (var (k, v) in replace) if (v is not null) pairs.Add(new(k, v));
        return Url(request, request.Path.Value ?? "/", pairs);
    }

    /// <summary>Escapes one path segment (a collection or feature id).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
