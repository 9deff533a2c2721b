using System.Security.Claims;
using DesaGis.Data.Import;
using DesaGis.Data.Indicators;
using DesaGis.Data.Security;
using DesaGis.Server.Http;
using DesaGis.Server.Security;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// <c>POST /admin/indicators/import</c>: an administrator uploads an indicator table (CSV or .xlsx) and it is imported
/// into the indicator catalog all-or-nothing, with the importer of <c>desagis import FILE --indicator CODE</c>.
/// </summary>
public static class AdminIndicatorImportEndpoints
{
    public static IEndpointRouteBuilder MapAdminIndicatorImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/indicators/import", ImportAsync)
            .WithTags("Administration").WithName("ImportIndicatorTable")
            .WithSummary("Import an uploaded indicator table (CSV or .xlsx) into the indicator catalog (admin only).")
            .WithDescription("multipart/form-data with a 'file' part. Query: indicator (CODE or CODE=column, comma-separated), year, source, " +
                             "codeSystem (kemendagri|bps), codeColumn, sheet, create=true with name, nameEn, unit, direction, levels; dryRun.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<IResult> ImportAsync(
        HttpRequest http, IndicatorImporter importer, ClaimsPrincipal user,
        string? indicator, int? year, string? source, string? codeSystem, string? codeColumn, string? sheet,
        bool? create, string? name, string? nameEn, string? unit, string? direction, string? levels, bool? dryRun,
        CancellationToken ct)
    {
        if (!http.HasFormContentType)
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Upload expected",
                "Kirim berkas sebagai multipart/form-data pada bagian 'file'. / Send the file as multipart/form-data in a part named 'file'.");
        if (string.IsNullOrWhiteSpace(indicator))
            return Problems.BadRequest("Sebutkan indikatornya: indicator=KODE atau KODE=kolom. / Name the indicator: indicator=CODE or CODE=column.");
        CodeSystem? codes = null;
        switch (codeSystem?.Trim().ToLowerInvariant())
        {
            case null or "": break;
            case "bps": codes = CodeSystem.Bps; break;
            case "kemendagri": codes = CodeSystem.Kemendagri; break;
            default: return Problems.BadRequest("codeSystem harus kemendagri atau bps. / codeSystem must be kemendagri or bps.");
        }

        var form = await http.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return Problems.BadRequest("Unggahan tidak berisi bagian 'file'. / The upload has no (or an empty) part named 'file'.", ProblemTypes.InvalidBody);
        var head = new byte[4];
        await using (var stream = file.OpenReadStream())
            await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        // An .xlsx is a zip; anything else must be text (CSV). The uploader's file name is only a label.
        string extension = head.AsSpan().StartsWith("PK\u0003\u0004"u8) ? ".xlsx" : ".csv";
        if (extension == ".csv" && head.Any(b => b == 0))
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported file",
                "Tabel indikator berupa CSV atau Excel .xlsx. / An indicator table is a CSV or an Excel .xlsx file.");

        var work = Directory.CreateTempSubdirectory("desagis-upload-");
        try
        {
            var path = Path.Combine(work.FullName, "upload" + extension);
            await using (var output = File.Create(path))
                await file.CopyToAsync(output, ct);
            var label = new string(Path.GetFileNameWithoutExtension(file.FileName ?? "upload").Where(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or ' ').Take(100).ToArray());
            var request = new IndicatorImportRequest
            {
                Path = path,
                SourceName = (label.Length == 0 ? "upload" : label) + extension,
                Sheet = sheet,
                Indicators = indicator.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(v => v.IndexOf('=') is var eq && eq > 0 ? (v[..eq].Trim(), (string?)v[(eq + 1)..].Trim()) : (v, null)).ToList(),
                CodeColumn = codeColumn,
                CodeSystem = codes,
                Year = year,
                Source = source,
                Create = create == true
                    ? new IndicatorDraft
                    {
                        NameId = name ?? "",
                        NameEn = nameEn,
                        Unit = unit,
                        Direction = direction ?? "",
                        Levels = levels?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    }
                    : null,
                DryRun = dryRun == true,
                Actor = Policies.Actor(user),
            };
            IndicatorImportReport report;
            try
            {
                report = await importer.ImportAuditedAsync(request, ct);
            }
            catch (ImportException ex)
            {
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.InvalidBody, "The file cannot be imported",
                    ex.Message + " Tidak ada yang diubah. / Nothing was changed.");
            }
            return TypedResults.Ok(new
            {
                indicators = report.Indicators,
                created = report.Created,
                file = report.SourceName,
                sha256 = report.Sha256,
                dryRun = report.DryRun,
                rowsRead = report.RowsRead,
                inserted = report.Inserted,
                updated = report.Updated,
                unchanged = report.Unchanged,
                empty = report.Empty,
                rejected = report.Rejected,
                rejections = report.Rejections.Take(500).Select(r => new { location = r.Location, reason = r.Reason }),
                mapping = report.Mapping,
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
