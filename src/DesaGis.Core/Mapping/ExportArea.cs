using DesaGis.Core.Codes;

namespace DesaGis.Core.Mapping;

/// <summary>
/// The area an export covers, validated at the edge: a lon/lat box or an administrative region by its Kemendagri code.
/// </summary>
public sealed record ExportArea
{
    private ExportArea(AreaKind kind, KemendagriCode? code, BoundingBox? box, long? scenarioId = null) =>
        (Kind, Code, Box, ScenarioId) = (kind, code, box, scenarioId);

    public AreaKind Kind { get; }

    /// <summary>The region's code for village, kecamatan and kabupaten areas.</summary>
    public KemendagriCode? Code { get; }

    /// <summary>The box for bbox areas (lon/lat).</summary>
    public BoundingBox? Box { get; }

    /// <summary>The id of a saved planner scenario for scenario areas.</summary>
    public long? ScenarioId { get; }

    public static ExportArea ForBox(BoundingBox box) => new(AreaKind.BoundingBox, null, box);

    public static ExportArea ForScenario(long scenarioId) =>
        scenarioId > 0 ? new(AreaKind.Scenario, null, null, scenarioId) : throw new ArgumentOutOfRangeException(nameof(scenarioId));

    /// <summary>The area of a region code; the code's level says whether it is a village, kecamatan or kabupaten.</summary>
    public static ExportArea ForRegion(KemendagriCode code) => code.Level switch
    {
        AdminLevel.Desa => new(AreaKind.Village, code, null),
        AdminLevel.Kecamatan => new(AreaKind.Kecamatan, code, null),
        AdminLevel.Kabupaten => new(AreaKind.Kabupaten, code, null),
        _ => throw new ArgumentException($"{code} is a province; exports cover a kabupaten, kecamatan or village.", nameof(code)),
    };

    /// <summary>
    /// Builds an area from the request's alternatives (exactly one must be given). Returns null with an error that
    /// says what to send when none, several or a malformed one is given.
    /// </summary>
    public static ExportArea? TryCreate(string? bbox, string? kabupaten, string? kecamatan, string? village, out string? error,
        string? scenario = null)
    {
        error = null;
        int given = new[] { bbox, kabupaten, kecamatan, village, scenario }.Count(s => !string.IsNullOrWhiteSpace(s));
        if (given == 0)
        {
            error = "Give the area: bbox=minlon,minlat,maxlon,maxlat, kabupaten_kode=63.04, kecamatan_kode=63.04.01, desa_kode=63.04.01.2001 or scenario_id=<saved scenario>.";
            return null;
        }
        if (given > 1)
        {
            error = "Give exactly one area parameter (bbox, kabupaten_kode, kecamatan_kode, desa_kode or scenario_id), not several.";
            return null;
        }
        if (!string.IsNullOrWhiteSpace(scenario))
        {
            if (!long.TryParse(scenario.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                error = "scenario_id must be a positive whole number (a saved planner scenario's id).";
                return null;
            }
            return ForScenario(id);
        }
        if (!string.IsNullOrWhiteSpace(bbox))
        {
            if (!BoundingBox.TryParse(bbox, out var box, out error, allowAntimeridian: false)) return null;
            if (box.MinX < -180 || box.MaxX > 180 || box.MinY < -85.06 || box.MaxY > 85.06)
            {
                error = "The bbox must be in longitude/latitude (EPSG:4326), within -180..180 and -85..85.";
                return null;
            }
            if (box.Width <= 0 || box.Height <= 0)
            {
                error = "The bbox has no area; give a box whose max values exceed its min values.";
                return null;
            }
            return ForBox(box);
        }
        var (text, level, name) = !string.IsNullOrWhiteSpace(kabupaten) ? (kabupaten, AdminLevel.Kabupaten, "kabupaten_kode")
            : !string.IsNullOrWhiteSpace(kecamatan) ? (kecamatan, AdminLevel.Kecamatan, "kecamatan_kode")
            : (village!, AdminLevel.Desa, "desa_kode");
        var code = KemendagriCode.TryParse(text);
        if (code is null || code.Level != level)
        {
            error = $"{name} '{Shorten(text)}' is not a {level.ToString().ToLowerInvariant()} code " + level switch
            {
                AdminLevel.Kabupaten => "(like 63.04 or 6304).",
                AdminLevel.Kecamatan => "(like 63.04.01 or 630401).",
                _ => "(like 63.04.01.2001 or 6304012001).",
            };
            return null;
        }
        return ForRegion(code);
    }

    /// <summary>A short label for file names and titles, e.g. <c>kabupaten-63.04</c>.</summary>
    public string Slug => Kind switch
    {
        AreaKind.BoundingBox => "bbox",
        AreaKind.Village => "desa-" + Code!.Dotted,
        AreaKind.Kecamatan => "kecamatan-" + Code!.Dotted,
        AreaKind.Scenario => "scenario-" + ScenarioId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "kabupaten-" + Code!.Dotted,
    };

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
