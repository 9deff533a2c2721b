using System.Security.Claims;
using System.Globalization;
using DesaGis.Core.Tiles;
using DesaGis.Data.Catalog;
using DesaGis.Server.Configuration;
using DesaGis.Server.Http;
using DesaGis.Server.Ogc;
using DesaGis.Server.Security;
using DesaGis.Server.Tiles;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Endpoints;

/// <summary>Vector tiles (MVT) per layer and composites, their TileJSON, and the tile catalog.</summary>
public static class TilesEndpoints
{
    public static IEndpointRouteBuilder MapTilesEndpoints(this IEndpointRouteBuilder app)
    {
        var tiles = app.MapGroup("/tiles").WithTags("Tiles");
        tiles.MapGet("", Catalog).WithName("TileCatalog");
        tiles.MapGet("/{layers}.json", TileJsonDocument).WithName("TileJson");
        // Bounded by the statement timeout of the render it waits for; a cache hit should not pay for a timer.
        tiles.MapGet("/{layers}/{z}/{x}/{y}.mvt", TileAsync).WithName("Tile").DisableRequestTimeout();
        return app;
    }

    /// <summary>Every tile layer with its TileJSON and tile URL.</summary>
    public static IResult Catalog(HttpRequest request, LayerCatalog catalog, IOptions<DesaGisOptions> options)
    {
        string root = TileUrls.Base(request, options.Value);
        return TypedResults.Json(new
        {
            title = "DesaGis vector tiles",
            description = "Mapbox Vector Tiles (MVT 2.1) of every layer; combine layers with commas in one URL, e.g. /tiles/village_indicators,kecamatan/{z}/{x}/{y}.mvt.",
            layers = LayerAccess.Visible(catalog, request.HttpContext.User).Select(l => new
            {
                id = l.Id,
                title = l.Title,
                description = l.Description,
                minzoom = l.MinZoom,
                maxzoom = l.MaxZoom,
                tilejson = $"{root}/tiles/{l.Id}.json",
                tiles = $"{root}/tiles/{l.Id}/{{z}}/{{x}}/{{y}}.mvt",
                fields = TileJsonFactory.VectorLayer(l).Fields,
            }),
            styles = new[] { new { id = "desagis", url = $"{root}/styles/desagis.json" } },
            links = new object[]
            {
                new { rel = "self", type = OgcMediaTypes.Json, href = $"{root}/tiles" },
                new { rel = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", type = OgcMediaTypes.Json, href = $"{root}/tileMatrixSets" },
            },
        });
    }

    /// <summary>TileJSON 3.0.0 of a layer or composite.</summary>
    public static async Task<IResult> TileJsonDocument(string layers, HttpRequest request, LayerCatalog catalog, CollectionExtents extents,
        IOptions<DesaGisOptions> options, CancellationToken ct)
    {
        var parsed = TileLayerSet.TryParse(layers, catalog, request.HttpContext.User, out var error, out int status);
        if (parsed is null) return LayerProblem(error!, status);
        string root = TileUrls.Base(request, options.Value);
        string ids = string.Join(',', parsed.Select(l => l.Id));
        var bounds = await TileBounds.OfAsync(parsed, extents, ct);
        return TypedResults.Json(TileJsonFactory.Create(parsed, $"{root}/tiles/{ids}/{{z}}/{{x}}/{{y}}.mvt", bounds));
    }

    /// <summary>One tile: MVT with one layer per requested source.</summary>
    public static Task<IResult> TileAsync(string layers, string z, string x, string y, LayerCatalog catalog,
        TileService service, IOptions<TileOptions> tileOptions, ClaimsPrincipal user, CancellationToken ct) =>
        ServeAsync(layers, z, x, y, catalog, service, tileOptions.Value, user, ct);

    /// <summary>Shared by the XYZ and the OGC API – Tiles routes.</summary>
    public static async Task<IResult> ServeAsync(string layers, string z, string x, string y, LayerCatalog catalog,
        TileService service, TileOptions tileOptions, ClaimsPrincipal user, CancellationToken ct)
    {
        var parsed = TileLayerSet.TryParse(layers, catalog, user, out var error, out int status);
        if (parsed is null) return LayerProblem(error!, status);
        if (!long.TryParse(z, NumberStyles.None, CultureInfo.InvariantCulture, out long zz) ||
            !long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out long xx) ||
            !long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out long yy))
        {
            return Problems.BadRequest(
                $"'{Problems.Shorten(z, 20)}/{Problems.Shorten(x, 20)}/{Problems.Shorten(y, 20)}' is not a tile address; z, x and y are whole numbers, e.g. /tiles/{layers}/8/203/130.mvt.",
                ProblemTypes.InvalidTile, "Invalid tile");
        }
        if (TileCoord.TryCreate(zz, xx, yy, out var reason) is not { } tile)
            return Problems.BadRequest(reason!, ProblemTypes.InvalidTile, "Invalid tile");
        var made = await service.GetAsync(parsed, tile, ct);
        return new TileResult(made, tileOptions.CacheControl);
    }

    private static IResult LayerProblem(string error, int status) => status switch
    {
        StatusCodes.Status404NotFound => Problems.NotFound(error, ProblemTypes.UnknownCollection, "Unknown layer"),
        StatusCodes.Status403Forbidden => Problems.Create(status, ProblemTypes.Forbidden, "Restricted layer", error),
        _ => Problems.BadRequest(error),
    };
}
