using Microsoft.Net.Http.Headers;

namespace DesaGis.Server.Http;

/// <summary>
/// The language of a request's error texts: Bahasa Indonesia unless the request asks for English with <c>lang=en</c>
/// (or <c>LANGUAGE</c>, as WMS/WFS clients send it) or an <c>Accept-Language</c> header that prefers English.
/// </summary>
public static class RequestLanguage
{
    public static bool PrefersEnglish(HttpRequest request)
    {
        foreach (var name in new[] { "lang", "LANG", "language", "LANGUAGE" })
            if (request.Query.TryGetValue(name, out var asked) && asked.Count > 0)
                return FromTag(asked[0] ?? "") ?? false;
        if (request.Headers.AcceptLanguage.Count > 0 &&
            StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var list))
        {
            foreach (var tag in list.Where(t => (t.Quality ?? 1) > 0).OrderByDescending(t => t.Quality ?? 1))
                if (FromTag(tag.Value.Value ?? "") is { } english) return english;
        }
        return false;
    }

    /// <summary>True for English, false for Indonesian (and Malay, which Indonesians read), null for anything else.</summary>
    private static bool? FromTag(string tag)
    {
        var t = tag.Trim().ToLowerInvariant();
        if (t.StartsWith("en", StringComparison.Ordinal)) return true;
        if (t.StartsWith("id", StringComparison.Ordinal) || t.StartsWith("in", StringComparison.Ordinal) || t.StartsWith("ms", StringComparison.Ordinal))
            return false;
        return null;
    }
}
