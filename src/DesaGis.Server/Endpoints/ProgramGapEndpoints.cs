using System.Globalization;
using System.Text;
using DesaGis.Data.Registry;
using DesaGis.Server.Http;
using DesaGis.Server.Registry;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// Gap and overlap analysis of the published programmes for an area and a year (docs/registry.md): as JSON with
/// coverage by kecamatan, partner and sector, or as CSV (UTF-8 with BOM, so spreadsheets open it as it is).
/// </summary>
public static class ProgramGapEndpoints
{
    public static IEndpointRouteBuilder MapProgramGapEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/analysis/program-gaps", GapsAsync).WithTags("Programme registry").WithName("ProgramGaps")
            .WithSummary("Villages of high need without an active programme, and villages where programmes of one sector overlap, for an area and a year (f=json|csv).")
            .Produces(200, contentType: "application/json", additionalContentTypes: ["text/csv"])
            .ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    public static async Task<IResult> GapsAsync(HttpContext http, ProgramGapAnalysis analysis, string? area, int? year, string? indicator, double? need, string? f)
    {
        if (string.IsNullOrWhiteSpace(area))
            return Problems.BadRequest(new LocalizedText("Sebutkan wilayahnya: area=52.03 (kabupaten) atau area=52.03.02 (kecamatan).",
                "Name the area: area=52.03 (a kabupaten) or area=52.03.02 (a kecamatan)."));
        if (f is not (null or "json" or "csv"))
            return Problems.BadRequest(new LocalizedText("f harus json atau csv.", "f must be json or csv."));
        ProgramGapReport report;
        try
        {
            report = await analysis.AnalyseAsync(area, year ?? DateTime.UtcNow.Year, indicator ?? "idm_score", need, http.RequestAborted);
        }
        catch (RegistryException ex)
        {
            return RegistryProblems.From(ex);
        }
        http.Response.Headers.CacheControl = "no-cache";
        if (f == "csv")
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"celah-program-{report.Area}-{report.Year}.csv\"";
            return Results.Bytes(Csv(report), "text/csv; charset=utf-8");
        }
        return TypedResults.Ok(new
        {
            area = report.Area,
            year = report.Year,
            indicator = new { code = report.Indicator, name_id = report.IndicatorNameId, name_en = report.IndicatorNameEn, direction = report.Direction },
            threshold = report.Threshold,
            threshold_rule = report.ThresholdGiven ? "given" : "worst quarter of the measured villages",
            villages_total = report.Villages.Count,
            villages_measured = report.Measured,
            gaps = report.Gaps,
            overlaps = report.Overlaps,
            villages = report.Villages.Select(v => new
            {
                desa_kode = v.DesaKode, desa_nama = v.DesaNama, kecamatan_kode = v.KecamatanKode, kecamatan_nama = v.KecamatanNama,
                need_value = v.NeedValue, need_year = v.NeedYear, high_need = v.HighNeed, program_count = v.ProgramCount,
                partners = v.Partners, sectors = v.Sectors, programs = v.Programs, overlap_sectors = v.OverlapSectors,
                gap = v.IsGap, overlap = v.IsOverlap,
            }),
            by_kecamatan = Counts(report.ByKecamatan),
            by_partner = Counts(report.ByPartner),
            by_sector = Counts(report.BySector),
        });
    }

    private static IEnumerable<object> Counts(IEnumerable<ProgramGapCount> counts) => counts.Select(c => new
    {
        key = c.Key, name = c.Name, villages = c.Villages, covered = c.Covered, high_need = c.HighNeed,
        high_need_covered = c.HighNeedCovered, gaps = c.Gaps, overlaps = c.Overlaps,
    });

    private static byte[] Csv(ProgramGapReport report)
    {
        var sb = new StringBuilder();
        sb.Append("desa_kode,desa_nama,kecamatan_kode,kecamatan_nama,").Append(report.Indicator)
          .Append(",tahun_nilai,kebutuhan_tinggi,jumlah_program,mitra,sektor,program,sektor_tumpang_tindih,celah,tumpang_tindih\r\n");
        foreach (var v in report.Villages)
        {
            Row(sb, v.DesaKode, v.DesaNama, v.KecamatanKode, v.KecamatanNama ?? "",
                v.NeedValue?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
                v.NeedYear?.ToString(CultureInfo.InvariantCulture) ?? "",
                v.HighNeed switch { true => "ya", false => "tidak", null => "tidak ada data" },
                v.ProgramCount.ToString(CultureInfo.InvariantCulture), string.Join("; ", v.Partners), string.Join("; ", v.Sectors),
                string.Join("; ", v.Programs), string.Join("; ", v.OverlapSectors), v.IsGap ? "ya" : "tidak", v.IsOverlap ? "ya" : "tidak");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static void Row(StringBuilder sb, params string[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append(',');
            var c = cells[i];
            // A cell a spreadsheet would run as a formula is quoted with a leading apostrophe.
            if (c.Length > 0 && c[0] is '=' or '+' or '-' or '@' && !double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) c = "'" + c;
            if (c.IndexOfAny([',', '"', '\r', '\n']) >= 0) sb.Append('"').Append(c.Replace("\"", "\"\"")).Append('"');
            else sb.Append(c);
        }
        sb.Append("\r\n");
    }
}
