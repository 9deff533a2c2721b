using DesaGis.Server.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// The web viewer at <c>/viewer/</c>: the static files that <c>npm run build</c> in src/DesaGis.Viewer writes to
/// wwwroot/viewer/dist. The page itself is revalidated on every load so a new build is picked up at once; the
/// content-hashed files under <c>assets/</c> never change under their name and are cached for a year.
/// </summary>
public static class ViewerEndpoints
{
    public const string BasePath = "/viewer";
    private const string IndexFile = "index.html";
    private const string HashedFolder = "assets/";
    private const string RevalidateAlways = "no-cache";
    private const string CacheForever = "public, max-age=31536000, immutable";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    public static IEndpointRouteBuilder MapViewerEndpoints(this IEndpointRouteBuilder app)
    {
        // One route: routing treats /viewer and /viewer/ alike, so the handler tells them apart.
        app.MapGet(BasePath + "/{**path}", File).WithTags("Viewer").ExcludeFromDescription();
        return app;
    }

    /// <summary>The folder the built viewer is served from: wwwroot/viewer/dist under the content root.</summary>
    public static string DistFolder(IWebHostEnvironment env) =>
        Path.Combine(env.WebRootPath ?? Path.Combine(env.ContentRootPath, "wwwroot"), "viewer", "dist");

    /// <summary>
    /// One file of the built viewer; the page itself for <c>/viewer/</c>. <c>/viewer</c> redirects to <c>/viewer/</c>
    /// because the page loads its assets by relative URL.
    /// </summary>
    public static IResult File(string? path, IWebHostEnvironment env, HttpContext http)
    {
        if (string.IsNullOrEmpty(path))
        {
            if (!http.Request.Path.Value!.EndsWith('/'))
                return TypedResults.Redirect(http.Request.PathBase + BasePath + "/" + http.Request.QueryString, permanent: true);
            path = IndexFile;
        }
        return Serve(env, http, path);
    }

    private static IResult Serve(IWebHostEnvironment env, HttpContext http, string path)
    {
        var dist = DistFolder(env);
        if (!System.IO.File.Exists(Path.Combine(dist, IndexFile)))
        {
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.ViewerNotBuilt, "Viewer not built",
                "The web viewer has not been built on this server. Run 'make viewer' (or 'npm ci && npm run build' in " +
                "src/DesaGis.Viewer) and reload this page; the OGC API and tiles work without it.");
        }

        // PhysicalFileProvider refuses paths that leave its root (.., absolute paths), so a request cannot reach
        // anything outside dist/.
        using var files = new PhysicalFileProvider(dist);
        // A path ending in '/' names a folder, and the viewer serves no folder listings (only /viewer/ itself).
        var file = path.EndsWith('/') || path.Contains('\\') ? null : files.GetFileInfo(path);
        if (file is null || !file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found", new LocalizedText(
                $"Penampil tidak memiliki berkas '{Problems.Shorten(path)}'. Buka {BasePath}/ untuk memulai penampil.",
                $"The viewer has no file '{Problems.Shorten(path)}'. Open {BasePath}/ to start the viewer."));
        }

        if (!ContentTypes.TryGetContentType(file.Name, out var contentType)) contentType = "application/octet-stream";
        bool hashed = path.StartsWith(HashedFolder, StringComparison.Ordinal);
        http.Response.Headers.CacheControl = hashed ? CacheForever : RevalidateAlways;
        if (path == IndexFile)
        {
            // The page is the only file that must never be framed (every response is nosniff: HttpRegistration).
            http.Response.Headers["X-Frame-Options"] = "SAMEORIGIN";
        }
        var etag = new EntityTagHeaderValue(
            $"\"{file.LastModified.UtcTicks.ToString("x", System.Globalization.CultureInfo.InvariantCulture)}-" +
            $"{file.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture)}\"");
        return TypedResults.PhysicalFile(file.PhysicalPath, contentType, lastModified: file.LastModified, entityTag: etag);
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // The MapLibre worker is an ES module; browsers refuse a module script served with any non-JavaScript type.
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".map"] = OgcMediaTypes.Json;
        return provider;
    }
}
