using System.Globalization;
using System.Text.RegularExpressions;
using DesaGis.Core.Codes;
using DesaGis.Core.Indicators;
using DesaGis.Core.Tiles;
using DesaGis.Data.Indicators;
using DesaGis.Server.Http;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Endpoints;

/// <summary>
/// The indicator catalog: <c>GET /indicators</c> (every indicator with its coverage per level and year),
/// <c>/indicators/{code}</c>, <c>/indicators/{code}/stats</c> (what a legend needs), vector tiles of one indicator at
/// one level, and <c>/areas/{kode}/figures</c> (an area's figures with year and source, for popups).
/// </summary>
public static partial class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/indicators").WithTags("Indicators");
        group.MapGet("", ListAsync).WithName("Indicators").WithSummary("The indicator catalog with coverage per level and year");
        group.MapGet("/{code}", GetAsync).WithName("Indicator").WithSummary("One indicator with its coverage").ProducesProblem(404);
        group.MapGet("/{code}/stats", StatsAsync).WithName("IndicatorStats")
            .WithSummary("Coverage, range, quantile breaks, sources and years of an indicator at a level").ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/{code}/tiles/{z}/{x}/{y}.mvt", TileAsync).WithName("IndicatorTile")
            .WithSummary("Vector tile (layer 'indicator') of every area of a level with the indicator's value, year and source")
            .Produces(200, contentType: OgcMediaTypes.MapboxVectorTile).ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/areas/{kode}/figures", FiguresAsync).WithTags("Indicators").WithName("AreaFigures")
            .WithSummary("An area's latest figures with year and source; inherited ones name the wider area they belong to")
            .ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    private static object Describe(Indicator i) => new
    {
        code = i.Code,
        name = new { id = i.NameId, en = i.NameEn },
        unit = i.Unit,
        levels = i.Levels,
        direction = i.Direction,
        kind = i.Kind,
        categories = i.Categories,
        breaks = i.Breaks,
        breakLabels = i.BreakLabels,
        minValue = i.MinValue,
        maxValue = i.MaxValue,
        integerValues = i.IntegerValues,
        description = new { id = i.Description, en = i.DescriptionEn },
        coverage = i.Coverage.Select(c => new { level = c.Level, year = c.Year, areas = c.Areas, total = c.Total, sources = c.Sources, unmatched = c.Unmatched }),
    };

    public static async Task<IResult> ListAsync(IndicatorStore store, HttpContext http)
    {
        var list = await store.ListAsync(http.RequestAborted);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Json(new { indicators = list.Select(Describe) });
    }

    public static async Task<IResult> GetAsync(string code, IndicatorStore store, HttpContext http)
    {
        if (!IsCode(code)) return UnknownIndicator(code);
        var indicator = await store.FindAsync(code, http.RequestAborted);
        if (indicator is null) return UnknownIndicator(code);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Json(Describe(indicator));
    }

    public static async Task<IResult> StatsAsync(string code, IndicatorStore store, HttpContext http)
    {
        if (!IsCode(code)) return UnknownIndicator(code);
        var indicator = await store.FindAsync(code, http.RequestAborted);
        if (indicator is null) return UnknownIndicator(code);
        if (ReadLevel(http, indicator, out var level) is { } levelProblem) return levelProblem;
        if (ReadYear(http, out var year) is { } yearProblem) return yearProblem;
        int classes = 5;
        var classesText = http.Request.Query["classes"].ToString();
        if (classesText.Length > 0 && (!int.TryParse(classesText, NumberStyles.None, CultureInfo.InvariantCulture, out classes) || classes is < 2 or > 9))
            return Problems.BadRequest($"classes '{Problems.Shorten(classesText)}' harus bilangan bulat 2–9. / classes must be a whole number from 2 to 9.");
        var stats = await store.StatsAsync(code, level, year, classes, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Json(new
        {
            indicator = stats.Indicator,
            level = stats.Level,
            year = stats.Year,
            areas = stats.Areas,
            total = stats.Total,
            min = stats.Min,
            max = stats.Max,
            quantiles = stats.Quantiles,
            sources = stats.Sources,
            years = stats.Years,
        });
    }

    public static async Task<IResult> TileAsync(string code, long z, long x, long y, IndicatorStore store, HttpContext http)
    {
        if (!IsCode(code)) return UnknownIndicator(code);
        if (TileCoord.TryCreate(z, x, y, out var error) is not { } tile)
            return Problems.BadRequest($"Ubin {z}/{x}/{y} tidak ada. / {error}");
        var indicator = await store.FindAsync(code, http.RequestAborted);
        if (indicator is null) return UnknownIndicator(code);
        if (ReadLevel(http, indicator, out var level) is { } levelProblem) return levelProblem;
        if (ReadYear(http, out var year) is { } yearProblem) return yearProblem;
        var bytes = await store.TileAsync(code, level, year, tile.Z, tile.X, tile.Y, http.RequestAborted);
        // Values change with every import; clients revalidate instead of keeping a stale choropleth.
        http.Response.Headers.CacheControl = "no-cache";
        if (bytes.Length == 0) return TypedResults.NoContent();
        return TypedResults.Bytes(bytes, OgcMediaTypes.MapboxVectorTile);
    }

    public static async Task<IResult> FiguresAsync(string kode, IndicatorStore store, HttpContext http)
    {
        var code = KemendagriCode.TryParse(kode);
        if (code is null)
            return Problems.BadRequest($"'{Problems.Shorten(kode)}' bukan kode Kemendagri (mis. 63.04.01.2001). / '{Problems.Shorten(kode)}' is not a Kemendagri code (like 63.04.01.2001).");
        var figures = await store.FiguresAsync(code, http.RequestAborted);
        if (figures is null)
            return Problems.NotFound($"Wilayah {code.Dotted} tidak ada di DesaGis. / There is no area {code.Dotted} in DesaGis.");
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Json(new
        {
            kode = code.Dotted,
            level = IndicatorStore.LevelName(code.Level),
            figures = figures.Select(f => new
            {
                indicator = f.Indicator,
                name = new { id = f.NameId, en = f.NameEn },
                unit = f.Unit,
                value = f.Value,
                valueText = f.ValueText,
                year = f.Year,
                period = f.Period,
                source = f.Source,
                note = f.Note,
                level = f.Level,
                fromKode = f.FromKode,
                fromNama = f.FromNama,
                inherited = f.Inherited,
            }),
        });
    }

    private static IResult? ReadLevel(HttpContext http, Indicator indicator, out string level)
    {
        var text = http.Request.Query["level"].ToString();
        if (text.Length == 0)
        {
            // The finest level that has values, else the finest the indicator exists at.
            level = Indicator.AllLevels.FirstOrDefault(l => indicator.Coverage.Any(c => c.Level == l && c.Areas > 0))
                    ?? Indicator.AllLevels.First(indicator.Levels.Contains);
            return null;
        }
        level = text.ToLowerInvariant();
        if (!indicator.Levels.Contains(level))
            return Problems.BadRequest(
                $"Indikator {indicator.Code} tidak ada pada tingkat '{Problems.Shorten(text)}'; tingkatnya: {string.Join(", ", indicator.Levels)}. / " +
                $"{indicator.Code} has no level '{Problems.Shorten(text)}'; its levels: {string.Join(", ", indicator.Levels)}.");
        return null;
    }

    private static IResult? ReadYear(HttpContext http, out int? year)
    {
        year = null;
        var text = http.Request.Query["year"].ToString();
        if (text.Length == 0 || text == "latest") return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 2200)
            return Problems.BadRequest($"year '{Problems.Shorten(text)}' harus tahun 1900–2200 atau 'latest'. / year must be a year from 1900 to 2200, or 'latest'.");
        year = y;
        return null;
    }

    private static bool IsCode(string code) => CodePattern().IsMatch(code);

    private static IResult UnknownIndicator(string code) =>
        Problems.NotFound($"Indikator '{Problems.Shorten(code)}' tidak ada di katalog; lihat /indicators. / There is no indicator '{Problems.Shorten(code)}'; see /indicators.",
            title: "Unknown indicator");

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex CodePattern();
}
