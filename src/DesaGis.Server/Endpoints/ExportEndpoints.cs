using DesaGis.Core.Mapping;
using DesaGis.Data.Catalog;
using DesaGis.Data.Export;
using DesaGis.Rendering.Layout;
using DesaGis.Rendering.Printing;
using DesaGis.Server.Http;
using DesaGis.Server.Security;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// Field exports: printed maps (<c>GET|POST /export/map</c>, PDF or PNG, atlas optional), data files of a collection
/// (<c>GET /export/data/{collection}</c>) and the offline package (<c>GET /export/package</c>).
/// </summary>
public static class ExportEndpoints
{
    public const string PdfMediaType = "application/pdf";
    public const string PngMediaType = "image/png";
    public const string ZipMediaType = "application/zip";

    /// <summary>
    /// Most vector tiles one offline package may hold (zoom 6–14): each is a query, so the area's size sets the cost.
    /// About a 2.5° × 2.5° area near the equator (a large kabupaten).
    /// </summary>
    public const long MaxPackageTiles = 20_000;

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/export").WithTags("Exports").WithMetadata(new ExpensiveWork(CostClass.Export));
        group.MapGet("/map", GetMapAsync).WithName("ExportMap");
        group.MapPost("/map", PostMapAsync).WithName("ExportMapFromBody");
        group.MapGet("/data/{collection}", GetDataAsync).WithName("ExportData");
        group.MapGet("/package", GetPackageAsync).WithName("ExportPackage");
        return app;
    }

    /// <summary>A PDF or PNG map of an area; query parameters as documented in docs/exports.md.</summary>
    public static Task<IResult> GetMapAsync(HttpContext http, MapPrinter printer, TimeProvider clock, CancellationToken ct) =>
        MapAsync(ExportMapParameters.FromQuery(http.Request.Query), printer, clock, ct);

    /// <summary>The same as GET with the parameters in a JSON body.</summary>
    public static async Task<IResult> PostMapAsync(System.Text.Json.JsonElement body, MapPrinter printer, TimeProvider clock, CancellationToken ct)
    {
        var parameters = ExportMapParameters.FromJson(body, out var error);
        return parameters is null ? Problems.BadRequest(error!, ProblemTypes.InvalidBody) : await MapAsync(parameters, printer, clock, ct);
    }

    private static async Task<IResult> MapAsync(ExportMapParameters parameters, MapPrinter printer, TimeProvider clock, CancellationToken ct)
    {
        var draft = parameters.ToRequest(Today(clock), out var error);
        if (draft is null) return Problems.BadRequest(error!);
        var output = new MemoryStream();
        try
        {
            await printer.PrintAsync(draft.ToPrintRequest(), output, null, ct);
        }
        catch (UnknownAreaException ex)
        {
            return Problems.NotFound(ex.Message + " Check the code (GET /search?q=… finds villages).");
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }
        output.Position = 0;
        bool pdf = draft.Options.Format == MapOutputFormat.Pdf;
        var name = $"peta_{draft.Area.Slug}{(draft.Atlas ? "_atlas" : "")}.{(pdf ? "pdf" : "png")}";
        return TypedResults.File(output, pdf ? PdfMediaType : PngMediaType, name);
    }

    /// <summary>A collection's features in a file format, optionally filtered by area.</summary>
    public static async Task<IResult> GetDataAsync(string collection, HttpContext http, DataExportService exports, LayerCatalog catalog, CancellationToken ct)
    {
        // Restricted layers are exported only to callers with their role, like their features and tiles.
        if (LayerAccess.Find(catalog, collection, http.User) is not { } layer)
            return LayerAccess.Refusal(catalog, collection, http.User);
        var q = http.Request.Query;
        string? formatText = q["format"];
        if (string.IsNullOrWhiteSpace(formatText))
            return Problems.BadRequest($"Give format= one of {DataExportFormats.Names}.");
        if (!DataExportFormats.TryParse(formatText, out var format))
            return Problems.BadRequest($"format '{Problems.Shorten(formatText)}' is not supported; use one of {DataExportFormats.Names}.");
        var csvGeometry = CsvGeometry.Wkt;
        string? geometryText = q["geometry"];
        if (!string.IsNullOrWhiteSpace(geometryText) && !Enum.TryParse(geometryText.Trim(), ignoreCase: true, out csvGeometry))
            return Problems.BadRequest("geometry must be wkt or centroid (CSV only).");
        ExportArea? area = null;
        string? bbox = q["bbox"], kab = q["kabupaten_kode"], kec = q["kecamatan_kode"], desa = q["desa_kode"];
        if (new[] { bbox, kab, kec, desa }.Any(s => !string.IsNullOrWhiteSpace(s)))
        {
            area = ExportArea.TryCreate(bbox, kab, kec, desa, out var error);
            if (area is null) return Problems.BadRequest(error!);
        }
        // scenario_id filters a scenario layer by its own column; for any other collection it is the area: the
        // scenario's villages.
        long? scenarioId = null;
        string? scenarioText = q["scenario_id"];
        if (!string.IsNullOrWhiteSpace(scenarioText))
        {
            if (!long.TryParse(scenarioText.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sid) || sid <= 0)
                return Problems.BadRequest("scenario_id must be a positive whole number (a saved planner scenario's id).");
            if (layer.FindProperty(LayerFeatureReader.ScenarioProperty) is not null) scenarioId = sid;
            else if (area is not null) return Problems.BadRequest("Give exactly one area parameter (bbox, kabupaten_kode, kecamatan_kode, desa_kode or scenario_id), not several.");
            else area = ExportArea.ForScenario(sid);
        }
        var output = new MemoryStream();
        try
        {
            await exports.ExportAsync(layer, area, format, output, csvGeometry, ct, scenarioId);
        }
        catch (UnknownAreaException ex)
        {
            return Problems.NotFound(ex.Message);
        }
        output.Position = 0;
        return TypedResults.File(output, DataExportFormats.MediaType(format), DataExportService.FileName(layer, area, format));
    }

    /// <summary>The offline package of an area: GeoPackage, MBTiles (when available), PDF map and README in one zip.</summary>
    public static async Task<IResult> GetPackageAsync(HttpContext http, IMapDataSource source, MapPrinter printer, OfflinePackageWriter packages,
        TimeProvider clock, CancellationToken ct)
    {
        var parameters = ExportMapParameters.FromQuery(http.Request.Query);
        var area = parameters.ToArea(out var error);
        if (area is null) return Problems.BadRequest(error!);
        // The cheap check first (a bbox's size needs no query), then the resolved area's tile count.
        if (area.Box is { } box && PackageTooLarge(box) is { } early) return early;
        var resolved = await source.ResolveAsync(area, ct);
        if (resolved is null) return Problems.NotFound(new UnknownAreaException(area).Message);
        if (PackageTooLarge(resolved.Extent) is { } refused) return refused;
        var today = Today(clock);
        var print = new MapPrintRequest
        {
            Area = area,
            Options = new MapPageOptions { Paper = PaperSize.A3, Orientation = PageOrientation.Landscape, Dpi = 150, Format = MapOutputFormat.Pdf, Date = today },
            Title = string.IsNullOrWhiteSpace(parameters.Title) ? null : Problems.Shorten(parameters.Title.Trim(), ExportMapParameters.MaxTitleLength),
        };
        var output = new MemoryStream();
        await packages.WriteAsync(resolved, (stream, token) => printer.PrintAsync(print, stream, null, token), output, null, today, ct);
        output.Position = 0;
        return TypedResults.File(output, ZipMediaType, $"desagis_{area.Slug}.zip");
    }

    /// <summary>A 400 saying the limit when an area's package would hold more than <see cref="MaxPackageTiles"/> tiles.</summary>
    private static IResult? PackageTooLarge(Core.BoundingBox extent)
    {
        long tiles = Core.Tiles.WebMercator.CountTiles(extent, OfflinePackageWriter.MinZoom, OfflinePackageWriter.MaxZoom);
        if (tiles <= MaxPackageTiles) return null;
        return Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.TooExpensive, "Area too large for a package", new LocalizedText(
            $"Paket luring untuk area ini memerlukan {N(tiles)} ubin (zoom {OfflinePackageWriter.MinZoom}–{OfflinePackageWriter.MaxZoom}); paling banyak {N(MaxPackageTiles)} " +
            "(sekitar 2,5° × 2,5°). Pilih area yang lebih kecil: sebuah kabupaten, kecamatan, atau bbox yang lebih kecil.",
            $"An offline package of this area needs {N(tiles)} tiles (zoom {OfflinePackageWriter.MinZoom}–{OfflinePackageWriter.MaxZoom}); at most {N(MaxPackageTiles)} " +
            "are made (about 2.5° × 2.5°). Choose a smaller area: a kabupaten, a kecamatan or a smaller bbox."),
            new Dictionary<string, object?> { ["tiles"] = tiles, ["maxTiles"] = MaxPackageTiles });
    }

    private static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
