using System.Globalization;
using System.IO.Compression;
using System.Text;
using DesaGis.Core.Mapping;
using DesaGis.Data.Catalog;

namespace DesaGis.Data.Export;

/// <summary>
/// Builds the offline package of an area: one zip with a GeoPackage of the area's layers, an MBTiles of its vector
/// tiles (through <see cref="IMbtilesWriter"/>, when the server has one), the printed PDF map and a README. With the
/// map style's QGIS documents (<see cref="IQgisStyles"/>), the GeoPackage carries each layer's QGIS style in
/// <c>layer_styles</c> and the zip a QGIS project (.qgs) that opens the layers over the MBTiles basemap on the area —
/// ready for QGIS and QField, and referring only to the files beside it.
/// </summary>
public sealed class OfflinePackageWriter(DataExportService exports, IMbtilesWriter? mbtiles, IQgisStyles? qgis = null)
{
    /// <summary>
    /// The layers shown when the project opens: the villages (to tap for their figures) and the borders over them; the
    /// others are in it, switched off, because the basemap draws them.
    /// </summary>
    public static readonly IReadOnlySet<string> ProjectVisibleLayers = new HashSet<string>(StringComparer.Ordinal) { "village_indicators", "kecamatan", "kabupaten" };

    /// <summary>The layers a package carries, in this order.</summary>
    public static readonly IReadOnlyList<string> PackageLayers =
        ["village_indicators", "kecamatan", "kabupaten", "transmigration_areas", "programs"];

    public const int MinZoom = 6;
    public const int MaxZoom = 14;

    /// <summary>Writes the zip. <paramref name="writeMap"/> prints the PDF map of the area into the given stream.</summary>
    public async Task<OfflinePackageContents> WriteAsync(MapArea area, Func<Stream, CancellationToken, Task> writeMap, Stream output,
        IProgress<string>? progress, DateOnly date, CancellationToken cancellationToken)
    {
        var slug = area.Area.Slug;
        var work = Directory.CreateTempSubdirectory("desagis-package-");
        try
        {
            progress?.Report("GeoPackage");
            var layers = new List<(Core.Layers.LayerDefinition, FeatureSet)>();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var id in PackageLayers)
            {
                if (exports.Catalog.Find(id) is not { } layer) continue;
                var features = await exports.ReadAsync(layer, area.Area, cancellationToken);
                layers.Add((layer, features));
                counts[id] = features.Features.Count;
            }
            var gpkg = Path.Combine(work.FullName, slug + ".gpkg");
            await GeoPackageExporter.WriteAsync(gpkg, layers, cancellationToken);
            if (qgis is not null)
            {
                var styles = layers.Select(l => (l.Item1, Qml: qgis.LayerQml(l.Item1))).Where(s => s.Qml is not null)
                    .Select(s => (s.Item1.Id, s.Qml!, "DesaGis: " + s.Item1.Title)).ToList();
                if (styles.Count > 0) await GeoPackageStyles.WriteAsync(gpkg, styles, cancellationToken);
            }

            progress?.Report("MBTiles");
            string? mbtilesPath = null;
            long tiles = 0;
            if (mbtiles is not null)
            {
                mbtilesPath = Path.Combine(work.FullName, slug + ".mbtiles");
                tiles = await mbtiles.WriteMbtilesAsync(mbtilesPath, area.Extent, MinZoom, MaxZoom, cancellationToken);
            }

            string? project = null;
            if (qgis is not null)
            {
                project = Path.Combine(work.FullName, slug + ".qgs");
                var tileLayers = mbtilesPath is null ? [] : mbtiles!.Layers.Select(exports.Catalog.Find).OfType<Core.Layers.LayerDefinition>().ToList();
                await File.WriteAllTextAsync(project, qgis.Project(new QgisProject(area.Title, area.Extent, slug + ".gpkg",
                    layers.Select(l => l.Item1).ToList(), ProjectVisibleLayers, mbtilesPath is null ? null : slug + ".mbtiles", tileLayers)),
                    new UTF8Encoding(false), cancellationToken);
            }

            progress?.Report("PDF");
            var pdf = Path.Combine(work.FullName, slug + ".pdf");
            await using (var file = File.Create(pdf))
                await writeMap(file, cancellationToken);

            progress?.Report("zip");
            var readme = Readme(area, slug, counts, mbtilesPath is not null, tiles, date, project is not null);
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                var entry = zip.CreateEntry("README.txt", CompressionLevel.Optimal);
                await using (var w = new StreamWriter(await entry.OpenAsync(cancellationToken), new UTF8Encoding(false)))
                    await w.WriteAsync(readme);
                foreach (var path in new[] { project, gpkg, mbtilesPath, pdf }.OfType<string>())
                {
                    var e = zip.CreateEntry(Path.GetFileName(path), CompressionLevel.Optimal);
                    await using var target = await e.OpenAsync(cancellationToken);
                    await using var source = File.OpenRead(path);
                    await source.CopyToAsync(target, cancellationToken);
                }
            }
            return new OfflinePackageContents(slug + ".gpkg", mbtilesPath is null ? null : slug + ".mbtiles", slug + ".pdf", counts, tiles,
                project is null ? null : slug + ".qgs");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Readme(MapArea area, string slug, IReadOnlyDictionary<string, int> counts, bool hasTiles, long tiles, DateOnly date, bool hasProject)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"DesaGis offline package — {area.Title}");
        if (area.Subtitle is not null) sb.AppendLine(area.Subtitle);
        sb.AppendLine(CultureInfo.InvariantCulture, $"Dibuat / created {date:yyyy-MM-dd}. Extent (lon/lat): {area.Extent}.");
        sb.AppendLine();
        sb.AppendLine("Isi / contents:");
        if (hasProject)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {slug}.qgs      proyek QGIS / QField: buka berkas ini / QGIS project: open this file (layers styled as the DesaGis map).");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  {slug}.gpkg     GeoPackage (EPSG:4326) for QGIS / QField{(hasProject ? ", with QGIS styles in layer_styles" : "")}. Layers:");
        foreach (var (layer, n) in counts) sb.AppendLine(CultureInfo.InvariantCulture, $"                 - {layer}: {n} features");
        if (hasTiles)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {slug}.mbtiles  vector tiles (Mapbox Vector Tiles, zoom {MinZoom}–{MaxZoom}, {tiles} tiles) for offline web maps and QField.");
        else
            sb.AppendLine("  (no .mbtiles)   this server has no tile exporter configured, so vector tiles are not included;" +
                          " use the GeoPackage, or build tiles with `desagis tiles export`.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  {slug}.pdf      printable map of the area (A3 landscape).");
        sb.AppendLine();
        sb.AppendLine("Attribute names follow the DesaGis collections (see /collections/{id}/queryables on the server):");
        sb.AppendLine("poverty_rate is percent (0–100), idm_score 0–1, idm_status MANDIRI … SANGAT_TERTINGGAL.");
        return sb.ToString();
    }
}
