using System.Globalization;
using System.Security.Cryptography;
using DesaGis.Data.Catalog;
using DesaGis.Data.Features;
using DesaGis.Server.Ogc;
using DesaGis.Server.Ows;
using DesaGis.Server.Security;

using DesaGis.Server.Http;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// <c>/wfs</c>: OGC Web Feature Service 2.0.0 (simple profile; 1.1.0 requests accepted) — GetCapabilities,
/// DescribeFeatureType, GetFeature (BBOX, Filter Encoding, resource ids, paging, hits, sorting; GML 3.2, GML 3.1.1 or
/// GeoJSON) and the stored query GetFeatureById. Queries run through the same feature store and CQL2 translator as
/// OGC API – Features, and restricted types are hidden and refused alike. Errors are OWS exception reports.
/// </summary>
public static class WfsEndpoints
{
    public static IEndpointRouteBuilder MapWfsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/wfs", ["GET", "POST"], WfsAsync).WithTags("OGC WMS / WFS").WithName("Wfs")
            .WithSummary("OGC Web Feature Service 2.0.0 / 1.1.0 (GetCapabilities, DescribeFeatureType, GetFeature)")
            .WithMetadata(new ExpensiveWork(CostClass.Ows, IsLargeGetFeature));
        return app;
    }

    /// <summary>GetFeature answers of more features than this (or unbounded ones) are expensive work.</summary>
    public const int LargeFeatureCount = 1000;

    /// <summary>A GetFeature without a COUNT (MAXFEATURES) of at most <see cref="LargeFeatureCount"/>.</summary>
    public static bool IsLargeGetFeature(HttpRequest request)
    {
        if (!string.Equals(request.Query["REQUEST"], "GetFeature", StringComparison.OrdinalIgnoreCase)) return false;
        string? count = request.Query["COUNT"].FirstOrDefault() ?? request.Query["MAXFEATURES"].FirstOrDefault();
        if (string.Equals(request.Query["RESULTTYPE"], "hits", StringComparison.OrdinalIgnoreCase)) return false;
        return !(long.TryParse(count, out var n) && n is > 0 and <= LargeFeatureCount);
    }

    public static async Task WfsAsync(HttpContext http, LinkBuilder links, LayerCatalog catalog, CollectionExtents extents, FeatureStore store,
        ILoggerFactory logs)
    {
        var dialect = OwsDialect.Wfs200;
        var language = OwsLanguage.Indonesian;
        try
        {
            var p = await OwsParameters.ReadAsync(http.Request);
            language = OwsLanguages.Pick(http.Request, p);
            var request = p.NonBlank("REQUEST") ?? throw OwsException.Missing("REQUEST", new OwsText(
                "Mis. REQUEST=GetCapabilities, DescribeFeatureType atau GetFeature.", "E.g. REQUEST=GetCapabilities, DescribeFeatureType or GetFeature."));
            bool capabilities = request.Equals("GetCapabilities", StringComparison.OrdinalIgnoreCase);
            var version = Version(p, capabilities);
            dialect = version == WfsVersion.V200 ? OwsDialect.Wfs200 : OwsDialect.Wfs110;
            var service = p.NonBlank("SERVICE");
            if (service is null && capabilities)
                throw OwsException.Missing("SERVICE", new OwsText("Tambahkan SERVICE=WFS.", "Add SERVICE=WFS."));
            if (service is not null && !service.Equals("WFS", StringComparison.OrdinalIgnoreCase))
                throw OwsException.Invalid("SERVICE", new OwsText(
                    $"Layanan '{OwsParameters.Shorten(service)}' tidak dilayani di /wfs; WMS ada di /wms.",
                    $"The service '{OwsParameters.Shorten(service)}' is not served at /wfs; WMS is at /wms."));
            switch (request.ToLowerInvariant())
            {
                case "getcapabilities":
                    await CapabilitiesAsync(http, version, links, catalog, extents);
                    return;
                case "describefeaturetype":
                    await DescribeAsync(http, p, version, catalog);
                    return;
                case "getfeature":
                    await GetFeatureAsync(http, p, version, links, catalog, store);
                    return;
                case "liststoredqueries" when version == WfsVersion.V200:
                    await WriteAsync(http, "text/xml; charset=UTF-8", WfsStoredQueries.List(catalog, http.User), "private, no-cache");
                    return;
                case "describestoredqueries" when version == WfsVersion.V200:
                    await WriteAsync(http, "text/xml; charset=UTF-8", WfsStoredQueries.Describe(p, catalog, http.User), "private, no-cache");
                    return;
                default:
                    throw new OwsException(OwsCodes.OperationNotSupported, "REQUEST", new OwsText(
                        $"Operasi '{OwsParameters.Shorten(request)}' tidak didukung. Operasi: GetCapabilities, DescribeFeatureType, GetFeature, ListStoredQueries, DescribeStoredQueries (layanan ini hanya-baca).",
                        $"The operation '{OwsParameters.Shorten(request)}' is not supported. Operations: GetCapabilities, DescribeFeatureType, GetFeature, ListStoredQueries, DescribeStoredQueries (this service is read-only)."));
            }
        }
        catch (OwsException ex)
        {
            await OwsEndpointErrors.WriteAsync(http, ex, dialect, language);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            await OwsEndpointErrors.WriteFailureAsync(http, ex, dialect, language, logs.CreateLogger(typeof(WfsEndpoints)));
        }
    }

    /// <summary>
    /// The version a request speaks: 2.0.0 by default; 1.1.0 when asked for. GetCapabilities negotiates with
    /// ACCEPTVERSIONS (the first version offered that is served); other requests must name one that is.
    /// </summary>
    private static WfsVersion Version(OwsParameters p, bool capabilities)
    {
        if (capabilities)
        {
            var accept = p.NonBlank("ACCEPTVERSIONS");
            if (accept is not null)
            {
                foreach (var v in accept.Split(',', StringSplitOptions.TrimEntries))
                {
                    if (v.StartsWith("2.0", StringComparison.Ordinal)) return WfsVersion.V200;
                    if (v.StartsWith("1.1", StringComparison.Ordinal)) return WfsVersion.V110;
                }
                throw new OwsException(OwsCodes.VersionNegotiationFailed, "ACCEPTVERSIONS", new OwsText(
                    $"Tidak ada versi yang dilayani dalam '{OwsParameters.Shorten(accept)}'; versi: 2.0.0, 1.1.0.",
                    $"None of '{OwsParameters.Shorten(accept)}' is served; versions: 2.0.0, 1.1.0."));
            }
            // A capabilities request for an older version is answered in the nearest one served.
            var asked = p.NonBlank("VERSION");
            return asked is not null && asked.StartsWith("1.", StringComparison.Ordinal) ? WfsVersion.V110 : WfsVersion.V200;
        }
        var version = p.NonBlank("VERSION");
        if (version is null || version.StartsWith("2.0", StringComparison.Ordinal)) return WfsVersion.V200;
        if (version.StartsWith("1.1", StringComparison.Ordinal)) return WfsVersion.V110;
        throw OwsException.Invalid("VERSION", new OwsText(
            $"VERSION '{OwsParameters.Shorten(version)}' tidak dilayani; gunakan 2.0.0 atau 1.1.0.",
            $"VERSION '{OwsParameters.Shorten(version)}' is not served; use 2.0.0 or 1.1.0."));
    }

    private static async Task CapabilitiesAsync(HttpContext http, WfsVersion version, LinkBuilder links, LayerCatalog catalog, CollectionExtents extents)
    {
        var layers = new List<(DesaGis.Core.Layers.LayerDefinition, DesaGis.Core.BoundingBox?)>();
        foreach (var layer in LayerAccess.Visible(catalog, http.User))
            layers.Add((layer, (await extents.GetAsync(layer, http.RequestAborted)).Bbox));
        var body = WfsCapabilitiesWriter.Write(version, links.Url(http.Request, "/wfs"), layers);
        await WriteAsync(http, "text/xml; charset=UTF-8", body, "private, no-cache");
    }

    private static async Task DescribeAsync(HttpContext http, OwsParameters p, WfsVersion version, LayerCatalog catalog)
    {
        var names = p.First("TYPENAMES", "TYPENAME");
        var layers = names is null
            ? LayerAccess.Visible(catalog, http.User).ToList()
            : names.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => WmsMapRequest.Find(n, catalog, http.User, "TYPENAMES", OwsCodes.InvalidParameterValue)).Distinct().ToList();
        if (p.NonBlank("OUTPUTFORMAT") is { } format && !format.Contains("gml", StringComparison.OrdinalIgnoreCase) &&
            !format.Contains("xml", StringComparison.OrdinalIgnoreCase) && !format.Contains("xsd", StringComparison.OrdinalIgnoreCase))
            throw OwsException.Invalid("OUTPUTFORMAT", new OwsText("DescribeFeatureType menjawab dalam XML Schema (GML).", "DescribeFeatureType answers in XML Schema (GML)."));
        var mediaType = WfsOutputFormats.MediaType(version == WfsVersion.V200 ? WfsOutputFormat.Gml32 : WfsOutputFormat.Gml31);
        await WriteAsync(http, mediaType, WfsSchemaWriter.Write(version, layers), "private, no-cache");
    }

    private static async Task GetFeatureAsync(HttpContext http, OwsParameters p, WfsVersion version, LinkBuilder links, LayerCatalog catalog, FeatureStore store)
    {
        var request = WfsGetFeatureRequest.Parse(p, version, catalog, http.User);
        var query = request.Query;
        var ct = http.RequestAborted;
        long matched = await store.CountAsync(query, ct);
        if (request.Hits)
        {
            await WriteAsync(http, request.Format == WfsOutputFormat.GeoJson ? OgcMediaTypes.Json : WfsOutputFormats.MediaType(request.Format),
                request.Format == WfsOutputFormat.GeoJson
                    ? System.Text.Encoding.UTF8.GetBytes($"{{\"type\":\"FeatureCollection\",\"numberMatched\":{matched},\"numberReturned\":0,\"features\":[]}}")
                    : WfsFeatureWriter.Hits(version, matched),
                "private, no-cache");
            return;
        }
        if (request.SingleFeature && matched == 0)
            throw new OwsException(OwsCodes.NotFound, "ID", new OwsText(
                $"Tidak ada objek '{OwsParameters.Shorten(p.NonBlank("ID"))}'.", $"There is no feature '{OwsParameters.Shorten(p.NonBlank("ID"))}'."),
                StatusCodes.Status404NotFound);

        await using var rows = store.StreamAsync(query, ct).GetAsyncEnumerator(ct);
        // The first row is read before anything is sent, so a failing query still becomes an exception report.
        bool any = await rows.MoveNextAsync();
        int pageSize = (int)Math.Clamp(matched - query.Offset, 0, query.Limit);
        string? next = null;
        if (!request.SingleFeature && query.Offset + query.Limit < matched)
        {
            next = links.Self(http.Request, new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [Key(http, "STARTINDEX")] = (query.Offset + query.Limit).ToString(CultureInfo.InvariantCulture),
                [Key(http, version == WfsVersion.V200 ? "COUNT" : "MAXFEATURES")] = query.Limit.ToString(CultureInfo.InvariantCulture),
            });
        }
        var schemaUrl = links.Url(http.Request, "/wfs", [new("SERVICE", "WFS"), new("VERSION", version == WfsVersion.V200 ? "2.0.0" : "1.1.0"),
            new("REQUEST", "DescribeFeatureType"), new(version == WfsVersion.V200 ? "TYPENAMES" : "TYPENAME", WfsNames.TypeName(query.Layer))]);
        var envelope = new WfsFeatureWriter.Envelope(version, query.Layer, query.SelectedProperties, request.IncludeGeometry, request.SrsName,
            matched, schemaUrl, next, pageSize);
        var response = http.Response;
        response.Headers.CacheControl = "private, no-cache";
        if (request.Format == WfsOutputFormat.GeoJson)
        {
            response.ContentType = OgcMediaTypes.Json;
            await WfsFeatureWriter.WriteGeoJsonAsync(http, envelope, rows, any);
        }
        else
        {
            response.ContentType = WfsOutputFormats.MediaType(request.Format);
            await WfsFeatureWriter.WriteGmlAsync(http, envelope, rows, any, request.SingleFeature);
        }
    }

    // The parameter's name as the client spelled it, so that the next link replaces it rather than adding a twin.
    private static string Key(HttpContext http, string name) =>
        http.Request.Query.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;

    private static async Task WriteAsync(HttpContext http, string mediaType, byte[] body, string cacheControl)
    {
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(body), 0, 12).ToLowerInvariant() + "\"";
        var response = http.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
        response.ContentType = mediaType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }
}
