using System.Globalization;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Drawing;
using DesaGis.Rendering.Legends;
using DesaGis.Rendering.Styles;
using SkiaSharp;

namespace DesaGis.Rendering.Layout;

/// <summary>
/// Prints map pages: a vector PDF with one page per <see cref="MapPage"/> (an atlas), or a PNG of one page at a
/// fixed DPI. Each page has a title, the map with a coordinate grid, scale bar and north arrow, an overview inset,
/// the legend of the layers drawn, the date and the data sources. Output depends only on its inputs.
/// </summary>
public sealed class MapDocumentRenderer(MapStyle style)
{
    private const float Margin = 34;
    private const float HeaderHeight = 58;
    private const float GridLabelLeft = 44;
    private const float GridLabelTop = 14;
    private const float PanelSize = 220;
    private const float Gap = 14;

    public MapStyle Style { get; } = style;

    /// <summary>Writes the document to the stream.</summary>
    /// <exception cref="ArgumentException">No pages, several pages for a PNG, or invalid options.</exception>
    public void Render(IReadOnlyList<MapPage> pages, MapPageOptions options, Stream output, IProgress<int>? progress = null)
    {
        if (pages.Count == 0) throw new ArgumentException("There is nothing to print: no pages.", nameof(pages));
        if (options.Validate() is { } problem) throw new ArgumentException(problem, nameof(options));
        if (options.Format == MapOutputFormat.Png && pages.Count > 1)
            throw new ArgumentException("A PNG holds one page; print an atlas as PDF.", nameof(pages));
        var (width, height) = options.PageSizePixels;
        if (options.Format == MapOutputFormat.Png)
        {
            float scale = options.Dpi / 96f;
            var info = new SKImageInfo((int)Math.Round(width * scale), (int)Math.Round(height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
            using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Skia could not allocate the page bitmap.");
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            DrawPage(canvas, pages[0], options, width, height);
            progress?.Report(1);
            // Map pages are large flat areas: the Sub filter at a middling zlib level is several times faster than
            // the default all-filters search and gives files of about the same size.
            using var pixmap = surface.PeekPixels();
            using var png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 4))
                ?? throw new InvalidOperationException("Skia could not encode the page as PNG.");
            png.SaveTo(output);
            return;
        }
        var created = new DateTime(options.Date.Year, options.Date.Month, options.Date.Day, 0, 0, 0, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = pages[0].Title,
            Creator = "DesaGis",
            Producer = "DesaGis",
            Creation = created,
            Modified = created,
            RasterDpi = options.Dpi,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            int done = 0;
            foreach (var page in pages)
            {
                // PDF pages are measured in points (1/72 inch); the layout is in CSS pixels (1/96 inch).
                var canvas = document.BeginPage(width * 0.75f, height * 0.75f);
                canvas.Scale(0.75f);
                DrawPage(canvas, page, options, width, height);
                document.EndPage();
                progress?.Report(++done);
            }
            document.Close();
        }
    }

    private void DrawPage(SKCanvas canvas, MapPage page, MapPageOptions options, float width, float height)
    {
        bool landscape = options.Orientation == PageOrientation.Landscape;
        using var text = PageFurniture.TextPaint();
        using (var titleFont = PageFurniture.Font(20, bold: true))
            canvas.DrawText(PageFurniture.Ellipsize(page.Title, titleFont, width - 2 * Margin), Margin, Margin + 20, SKTextAlign.Left, titleFont, text);
        if (page.Subtitle is { Length: > 0 } subtitle)
        {
            using var subFont = PageFurniture.Font(12);
            using var muted = PageFurniture.TextPaint(new SKColor(0x44, 0x44, 0x44));
            canvas.DrawText(PageFurniture.Ellipsize(subtitle, subFont, width - 2 * Margin), Margin, Margin + 40, SKTextAlign.Left, subFont, muted);
        }

        float top = Margin + HeaderHeight;
        SKRect frame, panel;
        if (landscape)
        {
            panel = new SKRect(width - Margin - PanelSize, top, width - Margin, height - Margin);
            frame = new SKRect(Margin + GridLabelLeft, top + GridLabelTop, panel.Left - Gap, height - Margin);
        }
        else
        {
            panel = new SKRect(Margin, height - Margin - PanelSize, width - Margin, height - Margin);
            frame = new SKRect(Margin + GridLabelLeft, top + GridLabelTop, width - Margin, panel.Top - Gap);
        }

        var viewport = Viewport.Fit(page.Extent, frame);
        using (var paper = new SKPaint { Color = SKColors.White })
            canvas.DrawRect(frame, paper);
        var renderer = new MapRenderer(Style);
        renderer.Draw(canvas, viewport, page.Data);
        if (page.Focus is { IsEmpty: false } focus)
        {
            canvas.Save();
            canvas.ClipRect(frame);
            using var path = MapRenderer.LinePath(viewport, focus);
            using var halo = new SKPaint { Color = SKColors.White.WithAlpha(200), Style = SKPaintStyle.Stroke, StrokeWidth = 5, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
            using var line = new SKPaint { Color = new SKColor(0xc0, 0x00, 0x30), Style = SKPaintStyle.Stroke, StrokeWidth = 2.2f, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
            canvas.DrawPath(path, halo);
            canvas.DrawPath(path, line);
            canvas.Restore();
        }
        if (options.ShowGrid) PageFurniture.DrawGrid(canvas, viewport);
        PageFurniture.DrawScaleBar(canvas, viewport);
        PageFurniture.DrawNorthArrow(canvas, viewport);
        using (var border = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), Style = SKPaintStyle.Stroke, StrokeWidth = 1 })
            canvas.DrawRect(frame, border);

        DrawPanel(canvas, page, options, viewport, renderer.LayersDrawn, panel, landscape);
    }

    private void DrawPanel(SKCanvas canvas, MapPage page, MapPageOptions options, Viewport viewport,
        IReadOnlyList<StyleLayer> drawn, SKRect panel, bool landscape)
    {
        // Landscape: one column on the right. Portrait: three columns along the bottom.
        int columns = landscape ? 1 : 3;
        float columnWidth = (panel.Width - (columns - 1) * Gap) / columns;
        SKRect Column(int i) => new(panel.Left + i * (columnWidth + Gap), panel.Top, panel.Left + i * (columnWidth + Gap) + columnWidth, panel.Bottom);

        var first = Column(0);
        float y = first.Top;
        if (page.Overview is { Features.Count: > 0 } overview)
        {
            float insetHeight = landscape ? columnWidth * 0.75f : Math.Min(columnWidth * 0.75f, panel.Height * 0.55f);
            var inset = new SKRect(first.Left, y, first.Right, y + insetHeight);
            DrawOverview(canvas, overview, viewport, inset);
            y = inset.Bottom + Gap;
        }
        var legend = LegendBuilder.Build(Style, drawn, viewport.Zoom);
        var legendColumn = landscape ? first : Column(1);
        float legendTop = landscape ? y : legendColumn.Top;
        float footerHeight = landscape ? 150 : 0;
        y = PageFurniture.DrawLegend(canvas, legend, legendColumn.Left, legendTop, legendColumn.Width, legendColumn.Bottom - footerHeight);

        var footer = landscape ? new SKRect(first.Left, Math.Max(y + 6, first.Bottom - footerHeight), first.Right, first.Bottom) : Column(2);
        using var small = PageFurniture.Font(8.5f);
        using var bold = PageFurniture.Font(8.5f, bold: true);
        using var text = PageFurniture.TextPaint(new SKColor(0x33, 0x33, 0x33));
        float fy = footer.Top;
        var scale = PageFurniture.ScaleDenominator(viewport);
        fy = PageFurniture.DrawWrapped(canvas, $"Skala 1 : {RoundScale(scale).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.')} (pada kertas {options.Paper})",
            footer.Left, fy, footer.Width, bold, text, footer.Bottom);
        fy = PageFurniture.DrawWrapped(canvas, "Proyeksi Web Mercator (EPSG:3857); grid dalam derajat WGS 84.", footer.Left, fy, footer.Width, small, text, footer.Bottom);
        fy = PageFurniture.DrawWrapped(canvas, "Dicetak " + options.Date.ToString("d MMMM yyyy", IndonesianCulture), footer.Left, fy, footer.Width, small, text, footer.Bottom);
        if (options.Sources.Count > 0)
        {
            fy += 3;
            fy = PageFurniture.DrawWrapped(canvas, "Sumber data:", footer.Left, fy, footer.Width, bold, text, footer.Bottom);
            foreach (var source in options.Sources)
                fy = PageFurniture.DrawWrapped(canvas, "• " + source, footer.Left, fy, footer.Width, small, text, footer.Bottom);
        }
    }

    private static readonly CultureInfo IndonesianCulture = CreateIndonesian();

    private static CultureInfo CreateIndonesian()
    {
        // Invariant globalization is on, so month names are set explicitly rather than taken from ICU.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var months = new[] { "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember", "" };
        culture.DateTimeFormat.MonthNames = months;
        culture.DateTimeFormat.MonthGenitiveNames = months;
        return culture;
    }

    private static double RoundScale(double scale)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(scale)) - 1);
        return Math.Round(scale / magnitude) * magnitude;
    }

    private static void DrawOverview(SKCanvas canvas, FeatureSet overview, Viewport main, SKRect inset)
    {
        var extent = main.LonLat;
        var box = PageFurniture.Envelope(overview.Features.Select(f => f.Geometry)) is { } b ? b.Union(extent) : extent;
        var view = Viewport.Fit(box, inset, margin: 0.04);
        canvas.Save();
        canvas.ClipRect(inset);
        using (var water = new SKPaint { Color = new SKColor(0xe8, 0xf1, 0xf8) })
            canvas.DrawRect(inset, water);
        using var land = new SKPaint { Color = new SKColor(0xf4, 0xf1, 0xea), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var edge = new SKPaint { Color = new SKColor(0x99, 0x99, 0x99), Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, IsAntialias = true };
        foreach (var feature in overview.Features)
        {
            using var path = MapRenderer.PolygonPath(view, feature.Geometry);
            canvas.DrawPath(path, land);
            canvas.DrawPath(path, edge);
        }
        var a = view.Project(extent.MinX, extent.MaxY);
        var c = view.Project(extent.MaxX, extent.MinY);
        var rect = new SKRect(a.X, a.Y, Math.Max(c.X, a.X + 3), Math.Max(c.Y, a.Y + 3));
        using var marker = new SKPaint { Color = new SKColor(0xc0, 0x00, 0x30), Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
        canvas.DrawRect(rect, marker);
        canvas.Restore();
        using var border = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f };
        canvas.DrawRect(inset, border);
    }
}
