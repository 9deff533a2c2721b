using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using DesaGis.Core;
using DesaGis.Core.Tiles;
using Microsoft.Data.Sqlite;

namespace DesaGis.Data.Tiles;

/// <summary>
/// Writes an MBTiles 1.3 file of vector tiles: the <c>metadata</c> table (name, format=pbf, bounds, center,
/// minzoom, maxzoom and <c>json</c> with vector_layers) and the <c>tiles</c> table with TMS rows and
/// gzip-compressed MVT, as QGIS, GDAL and mobile apps read it.
/// </summary>
public sealed class MbtilesWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insert;

    private MbtilesWriter(SqliteConnection connection)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction();
        _insert = connection.CreateCommand();
        _insert.Transaction = _transaction;
        _insert.CommandText = "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES ($z, $x, $y, $d)";
        _insert.Parameters.Add("$z", SqliteType.Integer);
        _insert.Parameters.Add("$x", SqliteType.Integer);
        _insert.Parameters.Add("$y", SqliteType.Integer);
        _insert.Parameters.Add("$d", SqliteType.Blob);
    }

    public int TilesWritten { get; private set; }

    /// <summary>Creates (replacing) an MBTiles file and writes its metadata.</summary>
    public static async Task<MbtilesWriter> CreateAsync(string path, TileJson metadata, BoundingBox bounds, ZoomRange zooms, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) File.Delete(path);
        var csb = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(csb.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText =
                "CREATE TABLE metadata (name text, value text);" +
                "CREATE UNIQUE INDEX metadata_name ON metadata (name);" +
                "CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob);" +
                "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var inv = CultureInfo.InvariantCulture;
        var json = JsonSerializer.Serialize(new { vector_layers = metadata.VectorLayers });
        var rows = new Dictionary<string, string>
        {
            ["name"] = metadata.Name,
            ["format"] = "pbf",
            ["type"] = "overlay",
            ["version"] = "1.3",
            ["description"] = metadata.Description ?? metadata.Name,
            ["attribution"] = metadata.Attribution ?? "DesaGis",
            ["bounds"] = string.Create(inv, $"{bounds.MinX},{bounds.MinY},{bounds.MaxX},{bounds.MaxY}"),
            ["center"] = string.Create(inv, $"{bounds.CenterX},{bounds.CenterY},{zooms.Min}"),
            ["minzoom"] = zooms.Min.ToString(inv),
            ["maxzoom"] = zooms.Max.ToString(inv),
            ["json"] = json,
        };
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO metadata (name, value) VALUES ($n, $v)";
            var n = insert.Parameters.Add("$n", SqliteType.Text);
            var v = insert.Parameters.Add("$v", SqliteType.Text);
            foreach (var (key, value) in rows)
            {
                n.Value = key;
                v.Value = value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        return new MbtilesWriter(connection);
    }

    /// <summary>Adds one tile (plain MVT bytes; compressed here). Empty tiles are skipped, as readers expect.</summary>
    public async Task AddAsync(TileCoord tile, byte[] mvt, CancellationToken cancellationToken)
    {
        if (mvt.Length == 0) return;
        _insert.Parameters["$z"].Value = tile.Z;
        _insert.Parameters["$x"].Value = tile.X;
        _insert.Parameters["$y"].Value = tile.TmsY;
        _insert.Parameters["$d"].Value = Gzip(mvt);
        await _insert.ExecuteNonQueryAsync(cancellationToken);
        TilesWritten++;
    }

    public async Task CommitAsync(CancellationToken cancellationToken) => await _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }
}
