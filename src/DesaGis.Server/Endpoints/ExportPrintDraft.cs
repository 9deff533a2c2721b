using DesaGis.Core.Mapping;
using DesaGis.Rendering.Layout;
using DesaGis.Rendering.Printing;

namespace DesaGis.Server.Endpoints;

/// <summary>A validated map export request, before it becomes a <see cref="MapPrintRequest"/>.</summary>
public sealed record ExportPrintDraft(ExportArea Area, MapPageOptions Options, string? Title, bool Atlas, bool Overview)
{
    public MapPrintRequest ToPrintRequest() => new() { Area = Area, Options = Options, Title = Title, Atlas = Atlas, Overview = Overview };
}
