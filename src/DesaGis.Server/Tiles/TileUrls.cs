using DesaGis.Server.Configuration;

namespace DesaGis.Server.Tiles;

/// <summary>Absolute URLs for TileJSON, styles and OGC links: from the configured public base URL, else from the request.</summary>
public static class TileUrls
{
    public static string Base(HttpRequest request, DesaGisOptions options) =>
        !string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? options.PublicBaseUrl.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
}
