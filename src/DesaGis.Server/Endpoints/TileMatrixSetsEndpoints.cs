using DesaGis.Core.Tiles;
using DesaGis.Server.Configuration;
using DesaGis.Server.Http;
using DesaGis.Server.Tiles;
using Microsoft.Extensions.Options;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Endpoints;

/// <summary>OGC API – Tiles: the tile matrix sets the server tiles in (WebMercatorQuad only).</summary>
public static class TileMatrixSetsEndpoints
{
    /// <summary>The OGC API – Tiles conformance classes these endpoints implement, for /conformance.</summary>
    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
        "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset",
    ];

    public static IEndpointRouteBuilder MapTileMatrixSetsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tileMatrixSets", List).WithTags("Tiles").WithName("TileMatrixSets");
        app.MapGet("/tileMatrixSets/{tileMatrixSetId}", Get).WithTags("Tiles").WithName("TileMatrixSet");
        return app;
    }

    public static IResult List(HttpRequest request, IOptions<DesaGisOptions> options)
    {
        string root = TileUrls.Base(request, options.Value);
        return TypedResults.Json(new
        {
            tileMatrixSets = new[]
            {
                new
                {
                    id = WebMercatorQuad.Id,
                    title = "Google Maps Compatible for the World",
                    uri = WebMercatorQuad.Uri,
                    crs = WebMercatorQuad.Crs,
                    links = new[] { new { rel = "self", type = OgcMediaTypes.Json, href = $"{root}/tileMatrixSets/{WebMercatorQuad.Id}" } },
                },
            },
        });
    }

    public static IResult Get(string tileMatrixSetId) =>
        tileMatrixSetId == WebMercatorQuad.Id
            ? TypedResults.Json(WebMercatorQuad.Definition())
            : Problems.NotFound($"There is no tile matrix set '{Problems.Shorten(tileMatrixSetId)}'; this server tiles in {WebMercatorQuad.Id}.");
}
