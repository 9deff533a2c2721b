using System.Text;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;
using DesaGis.Data.Catalog;
using DesaGis.Server.Ogc;
using DesaGis.Server.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// The OpenAPI 3.0 definition at <c>/api</c> (what GDAL and QGIS read as the service description) and the
/// interactive documentation at <c>/api.html</c>.
/// </summary>
public static class OpenApiEndpoints
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddDesaGisOpenApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiDocuments>();
        services.AddOpenApi(DocumentName, o =>
        {
            // OGC clients (GDAL, QGIS) read OpenAPI 3.0, not 3.1.
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            o.AddDocumentTransformer((doc, ctx, _) =>
            {
                doc.Info = new OpenApiInfo
                {
                    Title = LandingEndpoints.Title,
                    Version = "1.0",
                    Description = LandingEndpoints.Description,
                };
                AddCollectionPaths(doc, ctx.ApplicationServices.GetRequiredService<LayerCatalog>());
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var path = context.Description.RelativePath;
                if (path == "collections/{collectionId}/items") AddItemsParameters(operation);
                if (path is "collections/{collectionId}/items/{featureId}") operation.Parameters?.Add(Query("crs", "The CRS of the returned geometry (default CRS84).", CrsEnum()));
                if (path is not null && (path.StartsWith("collections", StringComparison.Ordinal) || path.Length == 0 || path == "conformance"))
                    operation.Parameters?.Add(Query("f", "The format: json or html (overrides the Accept header).", ["json", "html"]));
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOpenApiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api", ApiAsync).ExcludeFromDescription();
        // An absolute document URL: the page lives at /api.html/, where a relative "api" would resolve wrongly.
        // Nothing on the page reaches outside this server: no telemetry, hosted assistant or web fonts.
        app.MapScalarApiReference("/api.html", (o, http) => o
            .WithTitle("DesaGis API")
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .DisableDefaultFonts()
            .HideDeveloperTools()
            .WithOpenApiRoutePattern(http.RequestServices.GetRequiredService<LinkBuilder>().Url(http.Request, "/api")));
        return app;
    }

    /// <summary>The OpenAPI 3.0 document, with the server's own base URL.</summary>
    public static async Task ApiAsync(HttpContext http, [FromKeyedServices(DocumentName)] IOpenApiDocumentProvider provider, LinkBuilder links, ApiDocuments documents)
    {
        string baseUrl = links.BaseUrl(http.Request);
        if (!documents.TryGet(baseUrl, out var bytes))
        {
            var doc = await provider.GetOpenApiDocumentAsync(http.RequestAborted);
            doc.Servers = [new OpenApiServer { Url = baseUrl }];
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            doc.SerializeAsV3(new OpenApiJsonWriter(text));
            bytes = Encoding.UTF8.GetBytes(text.ToString());
            documents.Add(baseUrl, bytes);
        }
        await OgcResponses.WriteBytesAsync(http, OgcMediaTypes.OpenApi30, bytes);
    }

    /// <summary>
    /// The serialised document per base URL. It depends only on the endpoints and the catalog, fixed for the life of
    /// the process, and on the base URL; making it takes some 20 ms and GDAL and QGIS ask for it on every connect.
    /// The base URL can come from the Host header, so only a few are kept rather than one per header sent.
    /// </summary>
    public sealed class ApiDocuments
    {
        private const int MaxDocuments = 16;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _byBaseUrl = new(StringComparer.Ordinal);

        public bool TryGet(string baseUrl, out byte[] bytes) => _byBaseUrl.TryGetValue(baseUrl, out bytes!);

        public void Add(string baseUrl, byte[] bytes)
        {
            if (_byBaseUrl.Count >= MaxDocuments) _byBaseUrl.Clear();
            _byBaseUrl[baseUrl] = bytes;
        }
    }

    /// <summary>
    /// One items path per collection, listing its queryables as equality parameters: GDAL (and so QGIS) reads these
    /// to send attribute filters to the server instead of downloading everything and filtering itself.
    /// </summary>
    private static void AddCollectionPaths(OpenApiDocument doc, LayerCatalog catalog)
    {
        doc.Paths ??= [];
        foreach (var layer in LayerAccess.Visible(catalog, user: null))
        {
            var operation = new OpenApiOperation
            {
                Summary = "Features of " + layer.Title,
                Description = layer.Description,
                OperationId = "items_" + layer.Id,
                Tags = new HashSet<OpenApiTagReference> { new("OGC API Features", doc) },
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse { Description = "A page of features (GeoJSON FeatureCollection) or an HTML page." },
                    ["400"] = new OpenApiResponse { Description = "A parameter is invalid (problem+json)." },
                },
            };
            AddItemsParameters(operation);
            operation.Parameters!.Add(Query("f", "The format: json or html (overrides the Accept header).", ["json", "html"]));
            foreach (var p in layer.Properties.Where(p => p.Queryable))
                operation.Parameters.Add(Query(p.Name, $"Equality filter: {p.Description}", type: p.Type switch
                {
                    PropertyType.Integer => JsonSchemaType.Integer,
                    PropertyType.Number => JsonSchemaType.Number,
                    PropertyType.Boolean => JsonSchemaType.Boolean,
                    _ => JsonSchemaType.String,
                }));
            var item = new OpenApiPathItem();
            item.AddOperation(HttpMethod.Get, operation);
            doc.Paths["/collections/" + layer.Id + "/items"] = item;
        }
    }

    private static void AddItemsParameters(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(Query("bbox", "minx,miny,maxx,maxy in bbox-crs (CRS84: minLon,minLat,maxLon,maxLat). minLon > maxLon crosses the antimeridian."));
        operation.Parameters.Add(Query("bbox-crs", "The CRS of bbox (default CRS84).", CrsEnum()));
        operation.Parameters.Add(Query("crs", "The CRS of the returned geometries (default CRS84).", CrsEnum()));
        // GDAL sizes its pages from this schema's maximum: advertising it saves clients thousands of round trips.
        var limit = Query("limit", $"Features per page: default {FeatureLimits.Default}, at most {FeatureLimits.Maximum} (larger values are reduced).", type: JsonSchemaType.Integer);
        if (limit.Schema is OpenApiSchema limitSchema)
        {
            limitSchema.Minimum = "1";
            limitSchema.Maximum = FeatureLimits.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            limitSchema.Default = System.Text.Json.Nodes.JsonValue.Create(FeatureLimits.Default);
        }
        operation.Parameters.Add(limit);
        operation.Parameters.Add(Query("offset", "Features to skip (the next link sets it).", type: JsonSchemaType.Integer));
        operation.Parameters.Add(Query("datetime", "An RFC 3339 instant or interval (start/end, '..' for open); matched against the collection's year."));
        operation.Parameters.Add(Query("properties", "Comma-separated properties to return."));
        operation.Parameters.Add(Query("sortby", "Comma-separated properties, each with + (ascending, default) or - (descending), e.g. +nama,-poverty_rate."));
        operation.Parameters.Add(Query("filter", "A CQL2 filter, e.g. poverty_rate > 15 AND kabupaten_kode = '63.04'."));
        operation.Parameters.Add(Query("filter-lang", "cql2-text (default) or cql2-json.", ["cql2-text", "cql2-json"]));
        operation.Parameters.Add(Query("filter-crs", "The CRS of geometries in the filter (default CRS84).", CrsEnum()));
    }

    private static List<string> CrsEnum() => CrsRegistry.Supported.Select(c => c.Uri).ToList();

    private static OpenApiParameter Query(string name, string description, IReadOnlyList<string>? values = null, JsonSchemaType type = JsonSchemaType.String)
    {
        var schema = new OpenApiSchema { Type = type };
        if (values is not null) schema.Enum = values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)!).ToList();
        return new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Query,
            Required = false,
            Description = description,
            Schema = schema,
            Style = ParameterStyle.Form,
            Explode = false,
        };
    }
}
