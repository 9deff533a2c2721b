using System.Text.Json.Nodes;
using DesaGis.Core;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Layout;
using DesaGis.Rendering.Styles;

namespace DesaGis.Rendering.Printing;

/// <summary>
/// Prints an area: looks it up, loads the layers the style draws from the map data source, and renders the pages
/// (one for the area, plus one per village for an atlas).
/// </summary>
public sealed class MapPrinter(MapStyle style, IMapDataSource source)
{
    /// <summary>The most village pages one atlas may have (a kabupaten has up to a few hundred villages).</summary>
    public const int MaxAtlasPages = 400;

    public MapStyle Style { get; } = style;

    /// <summary>Writes the PDF or PNG; returns the number of pages.</summary>
    /// <exception cref="UnknownAreaException">The region code is not in the data.</exception>
    /// <exception cref="ArgumentException">The request cannot be printed (e.g. an atlas as PNG).</exception>
    /// <param name="request">What to print.</param>
    /// <param name="output">Where the PDF or PNG goes.</param>
    /// <param name="progress">Hears the share done (0–1): looking up, loading data, then page by page.</param>
    /// <param name="cancellationToken">Stops the data queries.</param>
    public async Task<int> PrintAsync(MapPrintRequest request, Stream output, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (request.Options.Validate() is { } problem) throw new ArgumentException(problem);
        if (request.Atlas && request.Options.Format == MapOutputFormat.Png)
            throw new ArgumentException("An atlas has several pages; ask for format=pdf.");
        var area = await source.ResolveAsync(request.Area, cancellationToken) ?? throw new UnknownAreaException(request.Area);
        var villages = request.Atlas ? await source.VillagesAsync(area, cancellationToken) : [];
        if (villages.Count > MaxAtlasPages)
            throw new ArgumentException($"The atlas would have {villages.Count} village pages (at most {MaxAtlasPages}); make one per kecamatan.");
        progress?.Report(0.1);

        // The frame is wider or taller than the area, so load a generous box around it; simplify to about a
        // third of a printed pixel of the smallest page's scale.
        var extent = area.Extent;
        double span = Math.Max(extent.Width, extent.Height);
        var loadBox = extent.Expand(span * 0.6);
        double smallest = villages.Count > 0 ? villages.Min(v => Math.Max(v.Extent.Width, v.Extent.Height)) : span;
        double tolerance = smallest / 4000;
        var data = await source.LoadAsync(loadBox, Style.SourceLayers, tolerance, cancellationToken);
        var overview = request.Overview ? await source.OverviewAsync(area, cancellationToken) : null;
        progress?.Report(0.3);

        var pages = new List<MapPage>
        {
            new()
            {
                Title = request.Title ?? area.Title,
                Subtitle = area.Subtitle,
                Extent = extent,
                Data = data,
                Focus = area.Area.Kind == AreaKind.BoundingBox ? null : area.Boundary,
                Overview = overview,
            },
        };
        foreach (var village in villages)
        {
            pages.Add(new MapPage
            {
                Title = village.Title,
                Subtitle = village.Subtitle,
                Extent = village.Extent,
                Data = data,
                Focus = village.Boundary,
                Overview = overview,
            });
        }
        // The sources line names what this map shows, read from its data (never a fixed text); a request may give its own.
        var options = request.Options.Sources.Count > 0 ? request.Options
            : request.Options with { Sources = [.. SourcesOf(Style), .. await source.SourcesAsync(loadBox, Style.SourceLayers, cancellationToken)] };
        // Drawing is synchronous; the page-by-page progress is where a cancelled request (its client gone, its time
        // budget spent) stops an atlas of hundreds of pages.
        var pageProgress = new PageProgress(progress, pages.Count, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        new MapDocumentRenderer(Style).Render(pages, options, output, pageProgress);
        return pages.Count;
    }

    /// <summary>Sources a style names for what it draws beyond the data (a base map), if any.</summary>
    private static IReadOnlyList<string> SourcesOf(MapStyle style) =>
        style.Metadata?["desagis:sources"] is JsonArray list
            ? list.Select(n => n?.GetValue<string>()).OfType<string>().ToList()
            : [];

    // Pages are the last 70 % of the work; reported synchronously, page by page.
    private sealed class PageProgress(IProgress<double>? target, int pages, CancellationToken cancellationToken) : IProgress<int>
    {
        public void Report(int value)
        {
            cancellationToken.ThrowIfCancellationRequested();
            target?.Report(0.3 + 0.7 * value / pages);
        }
    }
}
