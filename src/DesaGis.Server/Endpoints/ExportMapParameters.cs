using System.Globalization;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Layout;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// The parameters of <c>/export/map</c> and <c>/export/package</c>, as query strings or a JSON body (same names),
/// validated into a print request.
/// </summary>
public sealed record ExportMapParameters
{
    public string? Bbox { get; init; }
    public string? Kabupaten_kode { get; init; }
    public string? Kecamatan_kode { get; init; }
    public string? Desa_kode { get; init; }
    public string? Scenario_id { get; init; }
    public string? Paper { get; init; }
    public string? Orientation { get; init; }
    public string? Dpi { get; init; }
    public string? Format { get; init; }
    public string? Title { get; init; }
    public string? Atlas { get; init; }
    public string? Overview { get; init; }

    public const int MaxTitleLength = 200;

    /// <summary>The largest bbox side a printed map accepts: beyond it a page shows nothing legible.</summary>
    public const double MaxPrintSpanDegrees = 15;

    public static ExportMapParameters FromQuery(IQueryCollection q) => new()
    {
        Bbox = q["bbox"], Kabupaten_kode = q["kabupaten_kode"], Kecamatan_kode = q["kecamatan_kode"], Desa_kode = q["desa_kode"], Scenario_id = q["scenario_id"],
        Paper = q["paper"], Orientation = q["orientation"], Dpi = q["dpi"], Format = q["format"], Title = q["title"],
        Atlas = q["atlas"], Overview = q["overview"],
    };

    /// <summary>
    /// Reads a JSON body with the query's names; numbers and booleans may be written as JSON numbers and booleans.
    /// Returns null with an error when the body is not a JSON object.
    /// </summary>
    public static ExportMapParameters? FromJson(System.Text.Json.JsonElement body, out string? error)
    {
        error = null;
        if (body.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            error = "The body must be a JSON object such as {\"kabupaten_kode\": \"63.04\", \"paper\": \"a3\", \"format\": \"pdf\"}.";
            return null;
        }
        string? Get(string name) => body.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => v.GetString(),
                System.Text.Json.JsonValueKind.Null => null,
                _ => v.GetRawText(),
            }
            : null;
        return new ExportMapParameters
        {
            Bbox = body.TryGetProperty("bbox", out var b) && b.ValueKind == System.Text.Json.JsonValueKind.Array
                ? string.Join(',', b.EnumerateArray().Select(e => e.GetRawText()))
                : Get("bbox"),
            Kabupaten_kode = Get("kabupaten_kode"), Kecamatan_kode = Get("kecamatan_kode"), Desa_kode = Get("desa_kode"), Scenario_id = Get("scenario_id"),
            Paper = Get("paper"), Orientation = Get("orientation"), Dpi = Get("dpi"), Format = Get("format"), Title = Get("title"),
            Atlas = Get("atlas"), Overview = Get("overview"),
        };
    }

    /// <summary>The area alone (for packages); null with an error when it is missing or malformed.</summary>
    public ExportArea? ToArea(out string? error) => ExportArea.TryCreate(Bbox, Kabupaten_kode, Kecamatan_kode, Desa_kode, out error, Scenario_id);

    /// <summary>Validates everything into a print request; null with an error that says what to send.</summary>
    public ExportPrintDraft? ToRequest(DateOnly today, out string? error)
    {
        var area = ToArea(out error);
        if (area is null) return null;
        if (area.Box is { } box && (box.Width > MaxPrintSpanDegrees || box.Height > MaxPrintSpanDegrees))
        {
            error = $"A printed map covers at most {MaxPrintSpanDegrees}° × {MaxPrintSpanDegrees}°; use a smaller bbox or a kabupaten code (for larger areas export the data instead).";
            return null;
        }
        PaperSize paper = PaperSize.A4;
        if (!string.IsNullOrWhiteSpace(Paper) && !Enum.TryParse(Paper.Trim(), ignoreCase: true, out paper))
        {
            error = $"paper '{Http.Problems.Shorten(Paper)}' is not supported; use a4 or a3.";
            return null;
        }
        PageOrientation orientation = PageOrientation.Landscape;
        if (!string.IsNullOrWhiteSpace(Orientation) && !Enum.TryParse(Orientation.Trim(), ignoreCase: true, out orientation))
        {
            error = $"orientation '{Http.Problems.Shorten(Orientation)}' is not supported; use portrait or landscape.";
            return null;
        }
        int dpi = 150;
        if (!string.IsNullOrWhiteSpace(Dpi) &&
            (!int.TryParse(Dpi.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out dpi) || dpi < MapPageOptions.MinDpi || dpi > MapPageOptions.MaxDpi))
        {
            error = $"dpi '{Http.Problems.Shorten(Dpi)}' must be a whole number from {MapPageOptions.MinDpi} to {MapPageOptions.MaxDpi}.";
            return null;
        }
        MapOutputFormat format = MapOutputFormat.Pdf;
        if (!string.IsNullOrWhiteSpace(Format) && !Enum.TryParse(Format.Trim(), ignoreCase: true, out format))
        {
            error = $"format '{Http.Problems.Shorten(Format)}' is not supported; use pdf or png.";
            return null;
        }
        if (!TryBool(Atlas, "atlas", false, out bool atlas, out error) || !TryBool(Overview, "overview", true, out bool overview, out error))
            return null;
        if (atlas && format == MapOutputFormat.Png)
        {
            error = "An atlas has one page per village; ask for format=pdf (a PNG holds one page).";
            return null;
        }
        if (Title is { Length: > MaxTitleLength })
        {
            error = $"title is longer than {MaxTitleLength} characters.";
            return null;
        }
        var options = new MapPageOptions { Paper = paper, Orientation = orientation, Dpi = dpi, Format = format, Date = today };
        return new ExportPrintDraft(area, options, string.IsNullOrWhiteSpace(Title) ? null : Title.Trim(), atlas, overview);
    }

    private static bool TryBool(string? text, string name, bool fallback, out bool value, out string? error)
    {
        error = null;
        value = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (bool.TryParse(text.Trim(), out value)) return true;
        error = $"{name} must be true or false.";
        return false;
    }
}
