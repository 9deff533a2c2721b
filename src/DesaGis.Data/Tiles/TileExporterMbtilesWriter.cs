using DesaGis.Core;
using DesaGis.Core.Mapping;
using DesaGis.Core.Tiles;
using DesaGis.Data.Catalog;

namespace DesaGis.Data.Tiles;

/// <summary>
/// The offline package's MBTiles part: the same tiles the server serves, for the layers the shared style draws,
/// written by <see cref="TileExporter"/>.
/// </summary>
public sealed class TileExporterMbtilesWriter(ITileSource source, LayerCatalog catalog) : IMbtilesWriter
{
    /// <summary>The layers of the style's composite source, so a packaged map looks like the viewer.</summary>
    public static readonly IReadOnlyList<string> PackageLayers =
        ["village_indicators", "kecamatan", "kabupaten", "transmigration_areas", "programs"];

    public IReadOnlyList<string> Layers => PackageLayers;

    public async Task<long> WriteMbtilesAsync(string path, BoundingBox box, int minZoom, int maxZoom, CancellationToken cancellationToken) =>
        await new TileExporter(source, catalog).ExportAsync(path, PackageLayers, box, new ZoomRange(minZoom, maxZoom), null, cancellationToken);
}
