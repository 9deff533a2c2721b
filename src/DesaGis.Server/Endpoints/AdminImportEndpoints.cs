using System.Globalization;
using System.Security.Claims;
using DesaGis.Data.Import;
using DesaGis.Data.Import.Targets;
using DesaGis.Data.Security;
using DesaGis.Server.Http;
using DesaGis.Server.Security;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// <c>POST /admin/import</c>: an administrator uploads a file and it is imported all-or-nothing with the same
/// importer as <c>desagis import</c>. The upload's bytes decide its format (never its name alone), zips are checked
/// before extraction, and the import and its audit record commit together.
/// </summary>
public static class AdminImportEndpoints
{
    public static IEndpointRouteBuilder MapAdminImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/import", ImportAsync)
            .WithTags("Administration").WithName("ImportFile")
            .WithSummary("Import an uploaded GeoJSON, Shapefile (zip), GeoPackage or CSV file into a table (admin only).")
            .WithDescription("multipart/form-data with a 'file' part. Query: target (desa, kecamatan, village_indicator, …), preset, srs, year, source, layer, " +
                             "outlines (check, build or none: kecamatan/kabupaten outlines against their villages), dryRun.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery()
            .WithMetadata(UploadBody.Instance)
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<IResult> ImportAsync(
        HttpRequest http, Importer importer, ClaimsPrincipal user,
        string? target, string? preset, string? srs, int? year, string? source, string? layer, bool? dryRun,
        CancellationToken ct, string? outlines = null)
    {
        if (!http.HasFormContentType)
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Upload expected",
                "Send the file as multipart/form-data in a part named 'file' (curl -F file=@desa.geojson …).");
        ImportTarget? parsedTarget = null;
        if (target is not null && (parsedTarget = TargetCatalog.TryParse(target)) is null)
            return Problems.BadRequest($"Unknown target '{Problems.Shorten(target)}'. Use one of: {string.Join(", ", TargetCatalog.All.Select(t => t.Name))}.");
        if (target is null && preset is null)
            return Problems.BadRequest("Say where the rows go: target=desa (or kecamatan, village_indicator, …) or a preset.");
        ImportOutlines? outlineMode = outlines?.Trim().ToLowerInvariant() switch
        {
            null or "check" => ImportOutlines.Check,
            "build" => ImportOutlines.Build,
            "none" => ImportOutlines.None,
            _ => null,
        };
        if (outlineMode is null)
            return Problems.BadRequest($"Unknown outlines '{Problems.Shorten(outlines!)}'. Use check, build or none.");
        if (preset is not null && ImportPresets.All.All(p => p.Name != preset))
            return Problems.BadRequest($"Unknown preset '{Problems.Shorten(preset)}'. Use one of: {string.Join(", ", ImportPresets.All.Select(p => p.Name))}.");

        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException && !ct.IsCancellationRequested)
        {
            // A multipart body cut short (or otherwise broken) is the upload's fault, not the server's.
            return ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? Problems.Create(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Upload too large", new LocalizedText(
                    "Berkas unggahan melebihi batas ukuran (lihat docs/limits.md). Bagi berkas menjadi beberapa bagian atau impor dengan 'desagis import'.",
                    "The upload is over the size limit (see docs/limits.md). Split the file, or import it on the server with 'desagis import'."))
                : Problems.BadRequest(new LocalizedText(
                    "Unggahan tidak dapat dibaca (terpotong atau bukan multipart/form-data yang valid). Kirim ulang seluruh berkas dalam bagian bernama 'file'.",
                    "The upload could not be read (cut short, or not valid multipart/form-data). Send the whole file again in a part named 'file'."),
                    ProblemTypes.InvalidBody);
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return Problems.BadRequest("The upload has no (or an empty) part named 'file'.", ProblemTypes.InvalidBody);

        var originalName = SafeName(file.FileName);
        var work = Directory.CreateTempSubdirectory("desagis-upload-");
        try
        {
            var (extension, problem) = await SniffAsync(file, originalName, ct);
            if (problem is not null) return problem;
            // The file is stored under a name of our making; the uploader's name is only ever a label.
            var path = Path.Combine(work.FullName, "upload" + extension);
            await using (var output = File.Create(path))
                await file.CopyToAsync(output, ct);

            var request = new ImportRequest
            {
                Path = path,
                SourceName = Path.GetFileNameWithoutExtension(originalName) + extension,
                Target = parsedTarget,
                Preset = preset,
                SourceCrs = srs,
                Year = year,
                Source = source,
                Layer = layer,
                Outlines = outlineMode.Value,
                DryRun = dryRun == true,
                Actor = Policies.Actor(user),
            };

            ImportReport report;
            try
            {
                report = await importer.ImportAuditedAsync(request, ct);
            }
            catch (ImportException ex)
            {
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.InvalidBody, "The file cannot be imported",
                    ex.Message + " Nothing was changed.");
            }
            return TypedResults.Ok(new
            {
                target = report.Target.ToString(),
                file = report.SourceName,
                sha256 = report.Sha256,
                sourceCrs = report.SourceCrs,
                dryRun = report.DryRun,
                rowsRead = report.RowsRead,
                inserted = report.Inserted,
                updated = report.Updated,
                unchanged = report.Unchanged,
                skipped = report.Skipped,
                repaired = report.Repaired,
                rejected = report.Rejected,
                rejections = report.Rejections.Take(500).Select(r => new { location = r.Location, reason = r.Reason }),
                outlines = report.Outlines is { } o
                    ? new
                    {
                        compared = o.Compared,
                        built = o.Built,
                        mismatches = o.Mismatches.Take(500).Select(m => new
                        {
                            level = m.Level.ToString().ToLowerInvariant(), kode = m.Kode, nama = m.Nama, villages = m.Villages,
                            outlineVertices = m.OutlineVertices, villageVertices = m.VillageVertices, shareOutside = m.ShareOutside, message = m.ToString(),
                        }),
                    }
                    : null,
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Decides the format from the first bytes: zip (a zipped shapefile), SQLite (GeoPackage), JSON, or text (CSV).
    /// A name that claims another format than the bytes show is refused rather than guessed around.
    /// </summary>
    private static async Task<(string Extension, IResult? Problem)> SniffAsync(IFormFile file, string name, CancellationToken ct)
    {
        var head = new byte[512];
        int n;
        await using (var stream = file.OpenReadStream())
            n = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var bytes = head.AsSpan(0, n);
        var claimed = Path.GetExtension(name).ToLowerInvariant();
        string detected;
        if (bytes.StartsWith("PK\u0003\u0004"u8)) detected = ".zip";
        else if (bytes.StartsWith("SQLite format 3\0"u8)) detected = ".gpkg";
        else if (LooksLikeText(bytes))
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            detected = text.StartsWith('{') ? ".geojson" : ".csv";
        }
        else
        {
            return ("", Problems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported file",
                $"'{Problems.Shorten(name)}' is neither GeoJSON, CSV, a GeoPackage nor a zipped shapefile (judged by its content). " +
                "Send one of those; a shapefile goes as a .zip with its .shp, .shx, .dbf and .prj."));
        }
        var compatible = detected switch
        {
            ".zip" => claimed is ".zip" or "",
            ".gpkg" => claimed is ".gpkg" or "",
            ".geojson" => claimed is ".geojson" or ".json" or "",
            _ => claimed is ".csv" or ".tsv" or ".txt" or "",
        };
        if (!compatible)
            return ("", Problems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "File content does not match its name",
                $"'{Problems.Shorten(name)}' is named {claimed} but its content is {detected.TrimStart('.')}. Rename it or send the right file."));
        return (detected == ".csv" && claimed is ".tsv" or ".txt" ? claimed : detected, null);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            if (b == 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b != 0x1b)) return false;
        return bytes.Length > 0;
    }

    /// <summary>The upload's name reduced to a plain file name of safe characters (it is shown and recorded, never used as a path).</summary>
    private static string SafeName(string? fileName)
    {
        var baseName = Path.GetFileName((fileName ?? "upload").Replace('\\', '/'));
        var chars = baseName.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ').Take(100).ToArray();
        var safe = new string(chars).Trim();
        return string.IsNullOrEmpty(safe) || safe.All(c => c == '.') ? "upload" : safe;
    }
}
