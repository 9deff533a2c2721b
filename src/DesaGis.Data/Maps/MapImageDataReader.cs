using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DesaGis.Core;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using DesaGis.Data.Features;
using DesaGis.Data.Sql;
using DesaGis.Data.Tiles;
using NetTopologySuite.Geometries;
using Npgsql;

namespace DesaGis.Data.Maps;

/// <summary>
/// Reads the features of a map image (a WMS GetMap) in the image's own CRS, the way vector tiles of the same scale
/// carry them: the generalised geometry of the zoom band the web viewer would use (migration 0030), the attributes
/// its tiles carry at that zoom, and nothing of a layer below the zoom where its tiles begin. Geometry arrives
/// transformed by PostGIS, so the renderer only scales it. Identifiers come from the catalog (with the layers' tile profiles);
/// the box and the SRID are parameters.
/// </summary>
public sealed class MapImageDataReader(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<(string Layer, int? Band, int Srid), Statement> _statements = new();

    /// <summary>Seconds one statement may run.</summary>
    public int CommandTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// The features of the layers inside <paramref name="box"/> (easting/longitude first, in <paramref name="crs"/>),
    /// for a map at MapLibre zoom <paramref name="zoom"/>. Layers whose tiles begin at a deeper zoom are left out.
    /// </summary>
    public async Task<MapData> ReadAsync(IReadOnlyList<LayerDefinition> layers, BoundingBox box, CrsDefinition crs, double zoom,
        CancellationToken cancellationToken)
    {
        // The viewer draws a 512-pixel tile of zoom floor(z) at MapLibre zoom z.
        int tileZoom = (int)Math.Floor(Math.Clamp(zoom, 0, 24));
        var sets = new List<FeatureSet>(layers.Count);
        if (Clamp(box, crs) is not { } searchBox) return new MapData(layers.Select(l => FeatureSet.Empty(l.Id)));
        foreach (var layer in layers)
        {
            if (tileZoom < layer.MinZoom) { sets.Add(FeatureSet.Empty(layer.Id)); continue; }
            var profile = layer.Tiles;
            int? band = Band(profile, tileZoom);
            var statement = _statements.GetOrAdd((layer.Id, band, crs.Srid), k => Build(layer, profile, k.Band, k.Srid));
            sets.Add(await ReadLayerAsync(layer, statement, searchBox, crs, cancellationToken));
        }
        return new MapData(sets);
    }

    /// <summary>The generalised band a tile zoom uses (null: full geometry), as the tile source chooses it.</summary>
    public static int? Band(TileLayerProfile profile, int tileZoom)
    {
        if (profile.GeneralisedTable is null || tileZoom >= profile.FullGeometryFrom) return null;
        var bands = profile.Bands.Where(b => b < profile.FullGeometryFrom).ToList();
        if (bands.Count == 0) return null;
        int band = bands[0];
        foreach (var b in bands) if (tileZoom >= b) band = b;
        return band;
    }

    private async Task<FeatureSet> ReadLayerAsync(LayerDefinition layer, Statement statement, BoundingBox box, CrsDefinition crs, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(statement.Sql, conn) { CommandTimeout = CommandTimeoutSeconds };
        cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = box.MinX });
        cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = box.MinY });
        cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = box.MaxX });
        cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = box.MaxY });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = crs.Srid });
        // Prepared once per pooled connection: a map of seven layers would otherwise plan seven statements every time.
        await cmd.PrepareAsync(ct);
        var features = new List<MapFeature>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        int n = statement.Properties.Count;
        while (await reader.ReadAsync(ct))
        {
            if (reader.IsDBNull(n + 1)) continue;
            var geometry = reader.GetFieldValue<Geometry>(n + 1);
            if (geometry.IsEmpty) continue;
            var attributes = new Dictionary<string, object?>(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
                attributes[statement.Properties[i].Name] = Export.LayerFeatureReader.Normalize(reader.IsDBNull(i + 1) ? null : reader.GetValue(i + 1));
            var id = reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture);
            features.Add(new MapFeature(id, geometry, attributes));
        }
        return new FeatureSet(layer.Id, features);
    }

    // Web Mercator ends at ±85.05°: a geographic box beyond it is cut there (and a box wholly beyond has nothing).
    private static BoundingBox? Clamp(BoundingBox box, CrsDefinition crs)
    {
        // A UTM box is not a box in Web Mercator: its edges bow a little, so it is searched with a margin.
        if (!crs.Geographic) return crs.Srid == 3857 ? box : box.Expand(Math.Max(box.Width, box.Height) * 0.02);
        var clamped = new BoundingBox(Math.Max(box.MinX, -180), Math.Max(box.MinY, -85.05), Math.Min(box.MaxX, 180), Math.Min(box.MaxY, 85.05));
        return clamped.MinX < clamped.MaxX && clamped.MinY < clamped.MaxY ? clamped : null;
    }

    private sealed record Statement(string Sql, IReadOnlyList<LayerProperty> Properties);

    // $1–$4 the box in the request's CRS, $5 its SRID. Geometry is selected last, transformed only when the request's CRS is
    // not the column's. The transform runs outside an OFFSET 0 fence: inside, its cost estimate makes the planner choose
    // a parallel scan, whose workers then ship every geometry through a queue (ten times slower for a kabupaten map).
    private static Statement Build(LayerDefinition layer, TileLayerProfile profile, int? band, int srid)
    {
        var properties = profile.PropertiesAt(layer, band);
        bool alone = profile.ReadsGeneralisedTableAlone(band);
        string source = alone ? "g." : "v.";
        string relation = SqlIdentifier.Quote(layer.Schema, layer.Relation);
        string geometry;
        string from;
        string envelope;
        int columnSrid;
        if (band is null && srid == 4326)
        {
            // Full detail in longitude/latitude: the stored EPSG:4326 geometry, no transform at all.
            geometry = "v." + SqlIdentifier.Quote(layer.GeometryColumn);
            from = relation + " v";
            envelope = "ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, $5), 4326)";
            columnSrid = 4326;
        }
        else
        {
            geometry = band is null
                ? "v." + SqlIdentifier.Quote(layer.Geometry3857Column)
                : "g." + SqlIdentifier.Quote("geom_z" + band.Value.ToString(CultureInfo.InvariantCulture));
            from = band is null ? relation + " v"
                : alone ? SqlIdentifier.Quote(layer.Schema, profile.GeneralisedTable!) + " g"
                : SqlIdentifier.Quote(layer.Schema, profile.GeneralisedTable!) + " g JOIN " + relation + " v ON v." +
                  SqlIdentifier.Quote(profile.GeneralisedKey) + " = g.\"kode\"";
            envelope = "ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, $5), 3857)";
            columnSrid = 3857;
        }
        string id = alone ? "g.\"kode\"" : "v." + SqlIdentifier.Quote(layer.IdColumn);
        var inner = new StringBuilder("SELECT ").Append(id).Append(" AS c0");
        for (int i = 0; i < properties.Count; i++)
            inner.Append(", ").Append(source).Append(SqlIdentifier.Quote(properties[i].Column)).Append(" AS c").Append(i + 1);
        inner.Append(", ").Append(geometry).Append(" AS geom FROM ").Append(from).Append(" WHERE ").Append(geometry).Append(" && ").Append(envelope);
        var sql = new StringBuilder("SELECT t.c0");
        for (int i = 0; i < properties.Count; i++) sql.Append(", t.c").Append(i + 1);
        sql.Append(srid == columnSrid ? ", t.geom" : ", ST_Transform(t.geom, $5)");
        sql.Append(" FROM (").Append(inner).Append(" OFFSET 0) t");
        return new Statement(sql.ToString(), properties);
    }
}
