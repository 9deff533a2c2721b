using Microsoft.Net.Http.Headers;

namespace DesaGis.Server.Planner;

/// <summary>
/// The language of a planner result's warnings: <c>?lang=en|id</c>, else the first of <c>Accept-Language</c> that is
/// English or Indonesian, else Bahasa Indonesia.
/// </summary>
public static class PlanLanguage
{
    public static string Pick(HttpRequest request)
    {
        if (request.Query["lang"].FirstOrDefault() is { } asked) return FromTag(asked) ?? "id";
        if (request.Headers.AcceptLanguage.Count > 0 &&
            StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var list))
        {
            foreach (var tag in list.Where(t => (t.Quality ?? 1) > 0).OrderByDescending(t => t.Quality ?? 1))
                if (FromTag(tag.Value.Value ?? "") is { } language) return language;
        }
        return "id";
    }

    private static string? FromTag(string tag)
    {
        var t = tag.Trim().ToLowerInvariant();
        if (t.StartsWith("en", StringComparison.Ordinal)) return "en";
        if (t.StartsWith("id", StringComparison.Ordinal) || t.StartsWith("in", StringComparison.Ordinal)) return "id";
        return null;
    }
}
