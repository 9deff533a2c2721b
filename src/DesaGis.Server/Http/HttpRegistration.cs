using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Http;

/// <summary>HTTP plumbing shared by every endpoint: compression by Accept-Encoding and forwarded headers.</summary>
public static class HttpRegistration
{
    /// <summary>Media types worth compressing; PNG and PDF are compressed already.</summary>
    public static readonly string[] CompressibleTypes =
    [
        OgcMediaTypes.Json, OgcMediaTypes.GeoJson, OgcMediaTypes.ProblemJson, OgcMediaTypes.SchemaJson,
        "application/vnd.oai.openapi+json", OgcMediaTypes.MapboxVectorTile, OgcMediaTypes.Html, "text/css",
        "text/javascript", "application/javascript", OgcMediaTypes.Csv, "application/xml",
    ];

    public static IServiceCollection AddDesaGisHttp(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressibleTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseDesaGisHttp(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Every response is what its Content-Type says: a browser must not guess a GeoJSON or CSV body into HTML.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.UseResponseCompression();
        return app;
    }
}
