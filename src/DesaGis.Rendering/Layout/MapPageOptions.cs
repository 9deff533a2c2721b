namespace DesaGis.Rendering.Layout;

/// <summary>How pages are printed: paper, orientation, resolution, format, and the footer's date and sources.</summary>
public sealed record MapPageOptions
{
    public const int MinDpi = 96;
    public const int MaxDpi = 300;

    public PaperSize Paper { get; init; } = PaperSize.A4;
    public PageOrientation Orientation { get; init; } = PageOrientation.Landscape;

    /// <summary>Pixels per inch of a PNG (96–300). A PDF is vector; its DPI only matters to viewers.</summary>
    public int Dpi { get; init; } = 150;

    public MapOutputFormat Format { get; init; } = MapOutputFormat.Pdf;

    /// <summary>The date printed on the page (passed in so that output is reproducible).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Data sources and attribution, one line each.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public bool ShowGrid { get; init; } = true;

    /// <summary>The page size in CSS pixels (1/96 inch).</summary>
    public (float Width, float Height) PageSizePixels
    {
        get
        {
            var (w, h) = Paper switch
            {
                PaperSize.A3 => (297f, 420f),
                _ => (210f, 297f),
            };
            if (Orientation == PageOrientation.Landscape) (w, h) = (h, w);
            return (w / 25.4f * 96f, h / 25.4f * 96f);
        }
    }

    /// <summary>Checks the values a caller could get wrong; returns an explanation or null.</summary>
    public string? Validate() =>
        Dpi is < MinDpi or > MaxDpi ? $"dpi must be between {MinDpi} and {MaxDpi}." : null;
}
