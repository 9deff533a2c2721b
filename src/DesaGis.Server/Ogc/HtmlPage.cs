using System.Globalization;
using System.Net;
using System.Text;

namespace DesaGis.Server.Ogc;

/// <summary>The plain HTML around every OGC page: a header with the way home, the content, and a link to the JSON.</summary>
public static class HtmlPage
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A whole page.</summary>
    /// <param name="title">The heading and window title.</param>
    /// <param name="content">The body, already HTML.</param>
    /// <param name="jsonHref">The JSON form of this page, linked at the bottom.</param>
    /// <param name="breadcrumbs">Links from home down to this page's parent, relative to this page.</param>
    /// <param name="home">The landing page relative to this page, so that pages work under any path prefix.</param>
    public static string Render(string title, string content, string? jsonHref, IEnumerable<(string Href, string Text)>? breadcrumbs = null, string home = "./")
    {
        var sb = new StringBuilder(content.Length + 2048);
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(E(title)).Append(" · DesaGis</title><style>")
          .Append("body{font-family:system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}")
          .Append("header{background:#1f5f4a;color:#fff;padding:.6rem 1.2rem}header a{color:#fff;text-decoration:none;margin-right:.4rem}")
          .Append("main{padding:1rem 1.2rem;max-width:1200px}table{border-collapse:collapse;background:#fff;font-size:.9rem}")
          .Append("td,th{border:1px solid #d5dbe1;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#eef1f4}")
          .Append("a{color:#1a5fb4}.muted{color:#5b6670}.map{background:#fff;border:1px solid #d5dbe1;max-width:100%}")
          .Append("nav.pages a{margin-right:1rem}code{background:#eef1f4;padding:0 .2rem}")
          .Append("</style></head><body><header><a href=\"").Append(E(home)).Append("\"><strong>DesaGis</strong></a>");
        if (breadcrumbs is not null)
            foreach (var (href, text) in breadcrumbs) sb.Append(" › <a href=\"").Append(E(href)).Append("\">").Append(E(text)).Append("</a>");
        sb.Append("</header><main><h1>").Append(E(title)).Append("</h1>").Append(content);
        if (jsonHref is not null) sb.Append("<p class=\"muted\">This page as <a href=\"").Append(E(jsonHref)).Append("\">JSON</a>.</p>");
        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    public static string Number(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);
}
