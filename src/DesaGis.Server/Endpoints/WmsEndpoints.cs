using System.Globalization;
using System.Security.Cryptography;
using DesaGis.Core.Cql2;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;
using DesaGis.Data.Catalog;
using DesaGis.Data.Features;
using DesaGis.Data.Maps;
using DesaGis.Rendering.Maps;
using DesaGis.Rendering.Styles;
using DesaGis.Server.Ogc;
using DesaGis.Server.Ows;
using DesaGis.Server.Security;
using DesaGis.Server.Tiles;
using NetTopologySuite.Geometries;

using DesaGis.Server.Http;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// <c>/wms</c>: OGC Web Map Service 1.3.0 (and 1.1.1) — GetCapabilities, GetMap (PNG/JPEG drawn by the DesaGis
/// renderer with the styles of styles/), GetFeatureInfo (GeoJSON, HTML, text) and GetLegendGraphic. Errors are WMS
/// service exceptions. GetMap is an expensive endpoint: its image size is bounded here, and recent images are kept
/// per data version.
/// </summary>
public static class WmsEndpoints
{
    public static IEndpointRouteBuilder MapWmsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/wms", ["GET", "POST"], WmsAsync).WithTags("OGC WMS / WFS").WithName("Wms")
            .WithSummary("OGC Web Map Service 1.3.0 / 1.1.1 (GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic)")
            .WithMetadata(new ExpensiveWork(CostClass.Ows, IsLargeImage));
        return app;
    }

    /// <summary>Images above this many pixels are expensive work (<see cref="CostClass.Ows"/>).</summary>
    public const long LargeImagePixels = 1024 * 1024;

    /// <summary>A GetMap of more than <see cref="LargeImagePixels"/> pixels.</summary>
    public static bool IsLargeImage(HttpRequest request) =>
        string.Equals(request.Query["REQUEST"], "GetMap", StringComparison.OrdinalIgnoreCase) &&
        long.TryParse(request.Query["WIDTH"], out var w) && long.TryParse(request.Query["HEIGHT"], out var h) && w * h > LargeImagePixels;

    public static async Task WmsAsync(HttpContext http, LinkBuilder links, LayerCatalog catalog, WmsStyleCatalog styles, CollectionExtents extents,
        MapImageDataReader reader, WmsImageCache images, TileChangeMonitor changes, FeatureStore store, ILoggerFactory logs)
    {
        OwsParameters p;
        var dialect = OwsDialect.Wms130;
        var language = OwsLanguage.Indonesian;
        try
        {
            p = await OwsParameters.ReadAsync(http.Request);
            language = OwsLanguages.Pick(http.Request, p);
            var version = Version(p);
            dialect = version == WmsVersion.V130 ? OwsDialect.Wms130 : OwsDialect.Wms111;
            var service = p.NonBlank("SERVICE");
            if (service is not null && !service.Equals("WMS", StringComparison.OrdinalIgnoreCase))
                throw OwsException.Invalid("SERVICE", new OwsText(
                    $"Layanan '{OwsParameters.Shorten(service)}' tidak dilayani di /wms; WFS ada di /wfs.",
                    $"The service '{OwsParameters.Shorten(service)}' is not served at /wms; WFS is at /wfs."));
            var request = p.NonBlank("REQUEST") ?? throw OwsException.Missing("REQUEST", new OwsText(
                "Mis. REQUEST=GetCapabilities, GetMap, GetFeatureInfo atau GetLegendGraphic.",
                "E.g. REQUEST=GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic."));
            switch (request.ToLowerInvariant())
            {
                case "getcapabilities":
                case "capabilities":
                    await CapabilitiesAsync(http, version, links, catalog, styles, extents);
                    return;
                case "getmap":
                case "map":
                    await GetMapAsync(http, p, version, catalog, styles, reader, images, changes, language);
                    return;
                case "getfeatureinfo":
                case "feature_info":
                    await FeatureInfoAsync(http, p, version, catalog, styles, store, language);
                    return;
                case "getlegendgraphic":
                    await LegendAsync(http, p, catalog, styles);
                    return;
                default:
                    throw new OwsException(OwsCodes.OperationNotSupported, "REQUEST", new OwsText(
                        $"Operasi '{OwsParameters.Shorten(request)}' tidak didukung. Operasi: GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic.",
                        $"The operation '{OwsParameters.Shorten(request)}' is not supported. Operations: GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic."));
            }
        }
        catch (OwsException ex)
        {
            await OwsEndpointErrors.WriteAsync(http, ex, dialect, language);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            await OwsEndpointErrors.WriteFailureAsync(http, ex, dialect, language, logs.CreateLogger(typeof(WmsEndpoints)));
        }
    }

    /// <summary>The version a request speaks: 1.3.0 unless it asks for 1.1.x/1.0.x (VERSION or the old WMTVER).</summary>
    private static WmsVersion Version(OwsParameters p)
    {
        var text = p.NonBlank("VERSION") ?? p.NonBlank("WMTVER");
        if (text is null) return p.NonBlank("SRS") is not null && p.NonBlank("CRS") is null ? WmsVersion.V111 : WmsVersion.V130;
        return text.StartsWith("1.3", StringComparison.Ordinal) || string.CompareOrdinal(text, "1.3.0") > 0 ? WmsVersion.V130 : WmsVersion.V111;
    }

    private static async Task CapabilitiesAsync(HttpContext http, WmsVersion version, LinkBuilder links, LayerCatalog catalog, WmsStyleCatalog styles,
        CollectionExtents extents)
    {
        var entries = new List<WmsCapabilitiesWriter.LayerEntry>();
        foreach (var layer in LayerAccess.Visible(catalog, http.User))
        {
            var extent = await extents.GetAsync(layer, http.RequestAborted);
            var layerStyles = styles.StylesOf(layer).Select(s =>
            {
                var (w, h) = styles.LegendSize(layer, s);
                return (s, w, h);
            }).ToList();
            entries.Add(new(layer, extent.Bbox, layerStyles));
        }
        var body = WmsCapabilitiesWriter.Write(version, links.Url(http.Request, "/wms"), entries);
        // What a caller sees depends on its role, so shared caches must not keep it.
        await WriteAsync(http, version == WmsVersion.V130 ? "text/xml; charset=UTF-8" : "application/vnd.ogc.wms_xml; charset=UTF-8", body, "private, no-cache");
    }

    private static async Task GetMapAsync(HttpContext http, OwsParameters p, WmsVersion version, LayerCatalog catalog, WmsStyleCatalog styles,
        MapImageDataReader reader, WmsImageCache images, TileChangeMonitor changes, OwsLanguage language)
    {
        var exceptions = ExceptionFormat(p);
        WmsMapRequest map;
        try
        {
            map = WmsMapRequest.Parse(p, version, catalog, styles, http.User, requireFormat: true);
        }
        catch (OwsException ex) when (exceptions != ImageExceptions.None && ImageSize(p) is var (w, h))
        {
            // The client asked for errors as pictures (INIMAGE) or for an empty picture (BLANK).
            var format = p.NonBlank("FORMAT")?.Contains("jpeg", StringComparison.OrdinalIgnoreCase) == true ? MapImageFormat.Jpeg : MapImageFormat.Png;
            var image = MessageImageRenderer.Render(exceptions == ImageExceptions.InImage ? ex.Text.In(language) : null, w, h, format,
                WmsMapRequest.Bool(p, "TRANSPARENT"));
            await WriteAsync(http, format == MapImageFormat.Jpeg ? OgcMediaTypes.Jpeg : OgcMediaTypes.Png, image, "no-store");
            return;
        }
        var ct = http.RequestAborted;
        long dataVersion = await changes.SyncAsync(ct);
        var key = map.CacheKey;
        var cached = images.Get(key, dataVersion);
        if (cached is null)
        {
            var data = await reader.ReadAsync(map.Layers.Select(l => l.Layer).ToList(), map.Box, map.DataCrs, map.Zoom, ct);
            var style = new MapStyle
            {
                Name = "wms",
                Layers = map.Layers.SelectMany(l => l.Style.Style.Layers).ToList(),
                Metadata = map.Layers[0].Style.Style.Metadata,
            };
            cached = MapImageRenderer.Render(style, data, new MapImageRequest(map.Box, map.Width, map.Height, map.Zoom, map.Format, map.Transparent, map.Background));
            images.Add(key, dataVersion, cached);
        }
        await WriteAsync(http, map.MediaType, cached, http.User.Identity?.IsAuthenticated == true ? "private, no-cache" : "public, no-cache");
    }

    private enum ImageExceptions { None, InImage, Blank }

    private static ImageExceptions ExceptionFormat(OwsParameters p) => p.NonBlank("EXCEPTIONS")?.ToLowerInvariant() switch
    {
        "inimage" or "application/vnd.ogc.se_inimage" => ImageExceptions.InImage,
        "blank" or "application/vnd.ogc.se_blank" => ImageExceptions.Blank,
        _ => ImageExceptions.None,
    };

    private static (int, int)? ImageSize(OwsParameters p) =>
        int.TryParse(p.NonBlank("WIDTH"), NumberStyles.None, CultureInfo.InvariantCulture, out int w) &&
        int.TryParse(p.NonBlank("HEIGHT"), NumberStyles.None, CultureInfo.InvariantCulture, out int h) &&
        w is >= 1 and <= WmsMapRequest.MaxSize && h is >= 1 and <= WmsMapRequest.MaxSize && (long)w * h <= (long)WmsMapRequest.MaxSize * WmsMapRequest.MaxSize / 2
            ? (w, h) : null;

    private static async Task FeatureInfoAsync(HttpContext http, OwsParameters p, WmsVersion version, LayerCatalog catalog, WmsStyleCatalog styles,
        FeatureStore store, OwsLanguage language)
    {
        var map = WmsMapRequest.Parse(p, version, catalog, styles, http.User, requireFormat: false);
        var queryLayers = WmsMapRequest.ParseLayers(p, catalog, styles, http.User, "QUERY_LAYERS");
        var format = WmsFeatureInfoWriter.Resolve(p.NonBlank("INFO_FORMAT")) ?? throw new OwsException(OwsCodes.InvalidFormat, "INFO_FORMAT", new OwsText(
            $"INFO_FORMAT '{OwsParameters.Shorten(p.NonBlank("INFO_FORMAT"))}' tidak didukung; gunakan {string.Join(", ", WmsFeatureInfoWriter.Formats)}.",
            $"INFO_FORMAT '{OwsParameters.Shorten(p.NonBlank("INFO_FORMAT"))}' is not supported; use {string.Join(", ", WmsFeatureInfoWriter.Formats)}."));
        int count = 1;
        if (p.NonBlank("FEATURE_COUNT") is { } countText &&
            (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
            throw OwsException.Invalid("FEATURE_COUNT", new OwsText("FEATURE_COUNT harus bilangan bulat positif.", "FEATURE_COUNT must be a positive whole number."));
        count = Math.Min(count, 50);
        var (iName, jName) = version == WmsVersion.V130 ? ("I", "J") : ("X", "Y");
        int i = Pixel(p, iName, map.Width), j = Pixel(p, jName, map.Height);

        // The pixel's centre in the map's CRS, and a few pixels around it for points and lines.
        double unitX = map.Box.Width / map.Width, unitY = map.Box.Height / map.Height;
        double x = map.Box.MinX + (i + 0.5) * unitX, y = map.Box.MaxY - (j + 0.5) * unitY;
        var factory = new GeometryFactory();
        var results = new List<WmsFeatureInfoWriter.LayerResult>();
        foreach (var (layer, _) in queryLayers)
        {
            Geometry probe = layer.GeometryKind == GeometryKind.MultiPolygon
                ? factory.CreatePoint(new Coordinate(x, y))
                : factory.ToGeometry(new Envelope(x - 5 * unitX, x + 5 * unitX, y - 5 * unitY, y + 5 * unitY));
            var query = new FeatureQuery
            {
                Layer = layer,
                Limit = count,
                Filter = new CqlSpatial(CqlSpatialOperator.Intersects, new CqlProperty(CqlValidator.GeometryProperty), new CqlGeometry(probe)),
                FilterCrs = map.DataCrs,
                Crs = CrsRegistry.Crs84,
            };
            var features = new List<FeatureRecord>();
            await foreach (var record in store.StreamAsync(query, http.RequestAborted)) features.Add(record);
            results.Add(new(layer, features));
        }
        var body = WmsFeatureInfoWriter.Write(format, results, language);
        var mediaType = format is WmsFeatureInfoWriter.Html or WmsFeatureInfoWriter.Text ? format + "; charset=UTF-8" : format;
        await WriteAsync(http, mediaType, body, "private, no-cache");
    }

    private static int Pixel(OwsParameters p, string name, int size)
    {
        var text = p.NonBlank(name) ?? throw OwsException.Missing(name, new OwsText(
            $"Beri piksel yang ditanyakan dengan {name} (0 sampai {size - 1}).", $"Give the pixel asked about with {name} (0 to {size - 1})."));
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0 || value >= size)
            throw new OwsException(OwsCodes.InvalidPoint, name, new OwsText(
                $"{name} '{OwsParameters.Shorten(text)}' berada di luar gambar (0 sampai {size - 1}).",
                $"{name} '{OwsParameters.Shorten(text)}' lies outside the image (0 to {size - 1})."));
        return (int)Math.Floor(value);
    }

    private static async Task LegendAsync(HttpContext http, OwsParameters p, LayerCatalog catalog, WmsStyleCatalog styles)
    {
        var name = p.NonBlank("LAYER") ?? throw OwsException.Missing("LAYER", new OwsText("Mis. LAYER=village_indicators.", "E.g. LAYER=village_indicators."));
        var layer = WmsMapRequest.Find(name, catalog, http.User, "LAYER");
        var format = p.NonBlank("FORMAT");
        if (format is not null && !format.StartsWith(OgcMediaTypes.Png, StringComparison.OrdinalIgnoreCase))
            throw new OwsException(OwsCodes.InvalidFormat, "FORMAT", new OwsText(
                $"Legenda tersedia sebagai image/png, bukan '{OwsParameters.Shorten(format)}'.", $"Legends come as image/png, not '{OwsParameters.Shorten(format)}'."));
        var styleName = p.NonBlank("STYLE");
        var style = styles.Find(layer, styleName) ?? throw new OwsException(OwsCodes.StyleNotDefined, "STYLE", new OwsText(
            $"Lapisan {layer.Id} tidak punya gaya '{OwsParameters.Shorten(styleName)}'.", $"The layer {layer.Id} has no style '{OwsParameters.Shorten(styleName)}'."));
        await WriteAsync(http, OgcMediaTypes.Png, styles.Legend(layer, style), "public, max-age=300");
    }

    /// <summary>Writes a body with an ETag of its bytes, answering 304 when the client already has it.</summary>
    private static async Task WriteAsync(HttpContext http, string mediaType, byte[] body, string cacheControl)
    {
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(body), 0, 12).ToLowerInvariant() + "\"";
        var response = http.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch.Split(',').Any(t => t.Trim().TrimStart('W', '/') == etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = mediaType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }
}
