using DesaGis.Core;
using DesaGis.Core.Tiles;
using DesaGis.Data.Catalog;

namespace DesaGis.Data.Tiles;

/// <summary>Writes the tiles of an area and zoom range into an MBTiles file, made by the same source the server uses.</summary>
public sealed class TileExporter(ITileSource source, LayerCatalog catalog)
{
    /// <summary>Exports; <paramref name="progress"/> hears (tiles done, tiles in all) now and then. Returns the tiles written.</summary>
    public async Task<int> ExportAsync(string path, IReadOnlyList<string> layerIds, BoundingBox lonLat, ZoomRange zooms,
        IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var layers = layerIds.Select(id => catalog.Find(id) ?? throw new ArgumentException($"Unknown layer '{id}'.", nameof(layerIds))).ToList();
        var metadata = TileJsonFactory.Create(layers, "mbtiles://{z}/{x}/{y}", lonLat);
        long total = CountTiles(lonLat, zooms);
        long done = 0;
        await using var writer = await MbtilesWriter.CreateAsync(path, metadata with { MinZoom = zooms.Min, MaxZoom = zooms.Max }, lonLat, zooms, cancellationToken);
        foreach (int z in zooms.Levels)
        {
            foreach (var tile in WebMercator.TilesCovering(lonLat, z))
            {
                await writer.AddAsync(tile, await source.GetTileAsync(layers, tile, cancellationToken), cancellationToken);
                if (++done % 100 == 0) progress?.Report((done, total));
            }
        }
        await writer.CommitAsync(cancellationToken);
        progress?.Report((done, total));
        return writer.TilesWritten;
    }

    /// <summary>How many tiles cover a box over a zoom range.</summary>
    public static long CountTiles(BoundingBox lonLat, ZoomRange zooms)
    {
        long n = 0;
        foreach (int z in zooms.Levels)
        {
            var nw = WebMercator.TileAt(lonLat.MinX, lonLat.MaxY, z);
            var se = WebMercator.TileAt(lonLat.MaxX, lonLat.MinY, z);
            n += (long)(se.X - nw.X + 1) * (se.Y - nw.Y + 1);
        }
        return n;
    }
}
