using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;
using DesaGis.Data.Import.Crs;

namespace DesaGis.Data.Import.Sources;

/// <summary>
/// One feature table of a GeoPackage. The CRS comes from gpkg_geometry_columns / gpkg_spatial_ref_sys (the blob
/// reader alone would report SRID -1). Table and column names come from the file's own metadata and are quoted.
/// </summary>
public sealed class GeoPackageRecordSource : IRecordSource
{
    private readonly SqliteConnection _connection;
    private readonly string _table;
    private readonly string _geometryColumn;

    public GeoPackageRecordSource(string path, string? layer)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            var layers = new List<(string Table, string Column, int Srs)>();
            using (var cmd = _connection.CreateCommand())
            {
                cmd.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns ORDER BY table_name";
                using var reader = cmd.ExecuteReader();
                while (reader.Read()) layers.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }
            if (layers.Count == 0) throw new ImportException($"{Path.GetFileName(path)} has no feature tables.");
            var chosen = layer is null
                ? layers.Count == 1 ? layers[0] : throw new ImportException(
                    $"{Path.GetFileName(path)} has {layers.Count} layers ({string.Join(", ", layers.Select(l => l.Table))}); choose one with --layer.")
                : layers.FirstOrDefault(l => string.Equals(l.Table, layer, StringComparison.OrdinalIgnoreCase)) is { Table: not null } l2 ? l2
                : throw new ImportException($"{Path.GetFileName(path)} has no layer '{layer}'; it has {string.Join(", ", layers.Select(l => l.Table))}.");
            (_table, _geometryColumn) = (chosen.Table, chosen.Column);
            DeclaredCrs = ReadCrs(chosen.Srs);
            using (var count = _connection.CreateCommand())
            {
                count.CommandText = $"SELECT count(*) FROM {Quote(_table)}";
                Count = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            using (var info = _connection.CreateCommand())
            {
                info.CommandText = $"SELECT * FROM {Quote(_table)} LIMIT 0";
                using var reader = info.ExecuteReader();
                Columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)
                    .Where(n => !n.Equals(_geometryColumn, StringComparison.OrdinalIgnoreCase)).ToList();
            }
        }
        catch (SqliteException ex)
        {
            _connection.Dispose();
            throw new ImportException($"{Path.GetFileName(path)} is not a readable GeoPackage: {ex.Message}", ex);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public CrsDefinition? DeclaredCrs { get; }
    public bool HasGeometry => true;
    public int? Count { get; }
    public IReadOnlyList<string> Columns { get; } = [];

    public IEnumerable<SourceRecord> Read(CancellationToken cancellationToken)
    {
        var geoReader = new GeoPackageGeoReader { HandleSRID = true };
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {Quote(_table)}";
        using var reader = cmd.ExecuteReader();
        int n = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            n++;
            var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            NetTopologySuite.Geometries.Geometry? geometry = null;
            string? error = null;
            for (int i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetName(i);
                if (name.Equals(_geometryColumn, StringComparison.OrdinalIgnoreCase))
                {
                    if (reader.IsDBNull(i)) continue;
                    try
                    {
                        geometry = geoReader.Read((byte[])reader.GetValue(i));
                    }
                    catch (Exception ex) when (ex is ParseException or ArgumentException or InvalidOperationException or IOException or InvalidCastException)
                    {
                        error = $"unreadable geometry: {ex.Message}";
                    }
                }
                else
                {
                    attributes[name] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
            }
            yield return new SourceRecord($"feature {n}", attributes, geometry, error);
        }
    }

    public void Dispose() => _connection.Dispose();

    private CrsDefinition? ReadCrs(int srsId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        cmd.Parameters.AddWithValue("$id", srsId);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
            return srsId > 0 ? CrsDefinition.FromSrid(srsId) : null;
        var organization = reader.IsDBNull(0) ? "" : reader.GetString(0);
        var code = reader.IsDBNull(1) ? 0 : reader.GetInt32(1);
        var definition = reader.IsDBNull(2) ? "" : reader.GetString(2);
        if (organization.Equals("EPSG", StringComparison.OrdinalIgnoreCase) && code > 0) return CrsDefinition.FromSrid(code);
        // srs_id 0 and -1 are the GeoPackage's "undefined geographic/cartesian" entries.
        if (srsId <= 0 || definition is "" or "undefined") return null;
        return CrsDefinition.FromWkt(definition);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
