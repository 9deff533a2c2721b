using DesaGis.Core.Mapping;
using DesaGis.Rendering.Layout;

namespace DesaGis.Rendering.Printing;

/// <summary>What to print: an area, the page options, and whether to make an atlas (one page per village).</summary>
public sealed record MapPrintRequest
{
    public required ExportArea Area { get; init; }
    public required MapPageOptions Options { get; init; }

    /// <summary>The page title; the area's name when null.</summary>
    public string? Title { get; init; }

    /// <summary>One page per village of the area (PDF only), after an overview page of the whole area.</summary>
    public bool Atlas { get; init; }

    /// <summary>Whether to draw the overview inset.</summary>
    public bool Overview { get; init; } = true;
}
