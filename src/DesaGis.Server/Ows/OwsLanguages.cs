using Microsoft.Net.Http.Headers;

namespace DesaGis.Server.Ows;

/// <summary>Picks the <see cref="OwsLanguage"/> of a request.</summary>
public static class OwsLanguages
{
    public static OwsLanguage Pick(HttpRequest request, OwsParameters parameters)
    {
        var asked = parameters.Get("LANGUAGE") ?? parameters.Get("LANG");
        if (asked is not null) return FromTag(asked) ?? OwsLanguage.Indonesian;
        if (request.Headers.AcceptLanguage.Count > 0 &&
            StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var list))
        {
            foreach (var tag in list.Where(t => (t.Quality ?? 1) > 0).OrderByDescending(t => t.Quality ?? 1))
                if (FromTag(tag.Value.Value ?? "") is { } language) return language;
        }
        return OwsLanguage.Indonesian;
    }

    /// <summary>The BCP 47 / ISO 639 code written in documents (xml:lang).</summary>
    public static string Code(OwsLanguage language) => language == OwsLanguage.English ? "en" : "id";

    private static OwsLanguage? FromTag(string tag)
    {
        var t = tag.Trim().ToLowerInvariant();
        if (t.StartsWith("en", StringComparison.Ordinal)) return OwsLanguage.English;
        if (t.StartsWith("id", StringComparison.Ordinal) || t.StartsWith("in", StringComparison.Ordinal) || t.StartsWith("ms", StringComparison.Ordinal))
            return OwsLanguage.Indonesian;
        return null;
    }
}
