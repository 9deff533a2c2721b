using System.Security.Claims;
using DesaGis.Core.Tiles;
using DesaGis.Data.Catalog;
using DesaGis.Server.Configuration;
using DesaGis.Server.Http;
using DesaGis.Server.Ogc;
using DesaGis.Server.Security;
using DesaGis.Server.Tiles;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// OGC API – Tiles for each collection: the tileset list, the WebMercatorQuad tileset and its tiles, addressed
/// tileMatrix/tileRow/tileCol (row before column, i.e. z/y/x).
/// </summary>
public static class CollectionTilesEndpoints
{
    public static IEndpointRouteBuilder MapCollectionTilesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/collections/{collectionId}/tiles").WithTags("Tiles");
        group.MapGet("", Tilesets).WithName("CollectionTilesets");
        group.MapGet("/{tileMatrixSetId}", Tileset).WithName("CollectionTileset");
        group.MapGet("/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", TileAsync).WithName("CollectionTile").DisableRequestTimeout();
        return app;
    }

    public static IResult Tilesets(string collectionId, HttpRequest request, LayerCatalog catalog, IOptions<DesaGisOptions> options)
    {
        if (LayerAccess.Find(catalog, collectionId, request.HttpContext.User) is null) return LayerAccess.Refusal(catalog, collectionId, request.HttpContext.User);
        string root = TileUrls.Base(request, options.Value);
        return TypedResults.Json(new { tilesets = new[] { Summary(root, collectionId) }, links = new[] { Link("self", OgcMediaTypes.Json, $"{root}/collections/{collectionId}/tiles") } });
    }

    public static async Task<IResult> Tileset(string collectionId, string tileMatrixSetId, HttpRequest request, LayerCatalog catalog,
        CollectionExtents extents, IOptions<DesaGisOptions> options, CancellationToken ct)
    {
        if (LayerAccess.Find(catalog, collectionId, request.HttpContext.User) is not { } layer) return LayerAccess.Refusal(catalog, collectionId, request.HttpContext.User);
        if (tileMatrixSetId != WebMercatorQuad.Id) return UnknownTileMatrixSet(tileMatrixSetId);
        string root = TileUrls.Base(request, options.Value);
        var vectorLayer = TileJsonFactory.VectorLayer(layer);
        var bounds = await TileBounds.OfAsync([layer], extents, ct);
        return TypedResults.Json(new
        {
            title = layer.Title,
            description = layer.Description,
            dataType = "vector",
            crs = WebMercatorQuad.Crs,
            tileMatrixSetURI = WebMercatorQuad.Uri,
            boundingBox = new { lowerLeft = new[] { bounds.MinX, bounds.MinY }, upperRight = new[] { bounds.MaxX, bounds.MaxY }, crs = "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
            tileMatrixSetLimits = Enumerable.Range(layer.MinZoom, layer.MaxZoom - layer.MinZoom + 1).Select(z =>
            {
                var nw = WebMercator.TileAt(bounds.MinX, bounds.MaxY, z);
                var se = WebMercator.TileAt(bounds.MaxX, bounds.MinY, z);
                return new { tileMatrix = z.ToString(System.Globalization.CultureInfo.InvariantCulture), minTileRow = nw.Y, maxTileRow = se.Y, minTileCol = nw.X, maxTileCol = se.X };
            }),
            layers = new[]
            {
                new
                {
                    id = layer.Id,
                    title = layer.Title,
                    dataType = "vector",
                    geometryDimension = 2,
                    minTileMatrix = layer.MinZoom.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    maxTileMatrix = layer.MaxZoom.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    propertiesSchema = new
                    {
                        type = "object",
                        properties = layer.Properties.Where(p => p.InTiles).ToDictionary(p => p.Name, p => new
                        {
                            type = p.Type switch
                            {
                                Core.Layers.PropertyType.Integer => "integer",
                                Core.Layers.PropertyType.Number => "number",
                                Core.Layers.PropertyType.Boolean => "boolean",
                                _ => "string",
                            },
                            description = p.Description,
                        }),
                    },
                },
            },
            links = new object[]
            {
                Link("self", OgcMediaTypes.Json, $"{root}/collections/{collectionId}/tiles/{WebMercatorQuad.Id}"),
                Link("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", OgcMediaTypes.Json, $"{root}/tileMatrixSets/{WebMercatorQuad.Id}"),
                Link("http://www.opengis.net/def/rel/ogc/1.0/geodata", OgcMediaTypes.Json, $"{root}/collections/{collectionId}"),
                new { rel = "item", type = TileResult.MediaType, templated = true, href = $"{root}/collections/{collectionId}/tiles/{WebMercatorQuad.Id}/{{tileMatrix}}/{{tileRow}}/{{tileCol}}" },
                Link("describedby", OgcMediaTypes.Json, $"{root}/tiles/{collectionId}.json"),
            },
        });
    }

    public static Task<IResult> TileAsync(string collectionId, string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol,
        LayerCatalog catalog, TileService service, IOptions<TileOptions> tileOptions, ClaimsPrincipal user, CancellationToken ct)
    {
        if (LayerAccess.Find(catalog, collectionId, user) is null) return Task.FromResult(LayerAccess.Refusal(catalog, collectionId, user));
        if (tileMatrixSetId != WebMercatorQuad.Id) return Task.FromResult(UnknownTileMatrixSet(tileMatrixSetId));
        // OGC order is tileMatrix/tileRow/tileCol: z, then y, then x.
        return TilesEndpoints.ServeAsync(collectionId, tileMatrix, tileCol, tileRow, catalog, service, tileOptions.Value, user, ct);
    }

    private static object Summary(string root, string collectionId) => new
    {
        title = collectionId,
        dataType = "vector",
        crs = WebMercatorQuad.Crs,
        tileMatrixSetURI = WebMercatorQuad.Uri,
        links = new object[]
        {
            Link("self", OgcMediaTypes.Json, $"{root}/collections/{collectionId}/tiles/{WebMercatorQuad.Id}"),
            Link("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", OgcMediaTypes.Json, $"{root}/tileMatrixSets/{WebMercatorQuad.Id}"),
            new { rel = "item", type = TileResult.MediaType, templated = true, href = $"{root}/collections/{collectionId}/tiles/{WebMercatorQuad.Id}/{{tileMatrix}}/{{tileRow}}/{{tileCol}}" },
        },
    };

    private static object Link(string rel, string type, string href) => new { rel, type, href };

    private static IResult UnknownTileMatrixSet(string id) =>
        Problems.NotFound($"There is no tile matrix set '{Problems.Shorten(id)}'; use {WebMercatorQuad.Id}.");
}
