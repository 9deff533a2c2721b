using DesaGis.Core;
using DesaGis.Core.Codes;
using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using DesaGis.Data.Sql;
using NetTopologySuite.Geometries;
using Npgsql;

namespace DesaGis.Data.Export;

/// <summary>
/// Reads a catalog layer's features for exports and printed maps, filtered by a lon/lat box or by a region code.
/// Column names come from the layer definition (quoted); the box, the code and the tolerance are parameters.
/// A region filter uses the layer's own code column when it has one (kabupaten_kode, kecamatan_kode, desa_kode, or
/// kode on the region's own layer) and otherwise the region's boundary, counting features whose interior meets it.
/// </summary>
public sealed class LayerFeatureReader(NpgsqlDataSource dataSource)
{
    /// <summary>The property that ties a feature to a saved planner scenario (scenario layers carry it).</summary>
    public const string ScenarioProperty = "scenario_id";

    /// <summary>
    /// The features of a layer in an area (all of them when <paramref name="area"/> is null), optionally of one
    /// planner scenario (only for layers with a <c>scenario_id</c> property).
    /// </summary>
    public async Task<FeatureSet> ReadAsync(LayerDefinition layer, ExportArea? area, double tolerance, CancellationToken cancellationToken,
        long? scenarioId = null)
    {
        var (sql, parameters) = BuildSql(layer, area, tolerance, scenarioId);
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddRange(parameters.ToArray());
        var features = new List<MapFeature>();
        NpgsqlDataReader reader;
        try
        {
            reader = await cmd.ExecuteReaderAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable && area?.Kind == AreaKind.Scenario)
        {
            // Without the planner's tables there are no scenarios.
            throw new UnknownAreaException(area);
        }
        await using var _ = reader;
        while (await reader.ReadAsync(cancellationToken))
        {
            var geometry = reader.IsDBNull(layer.Properties.Count + 1) ? null : reader.GetFieldValue<Geometry>(layer.Properties.Count + 1);
            if (geometry is null || geometry.IsEmpty) continue;
            geometry.SRID = 4326;
            var attributes = new Dictionary<string, object?>(layer.Properties.Count, StringComparer.Ordinal);
            for (int i = 0; i < layer.Properties.Count; i++)
                attributes[layer.Properties[i].Name] = Normalize(reader.IsDBNull(i + 1) ? null : reader.GetValue(i + 1));
            var id = reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            features.Add(new MapFeature(id, geometry, attributes));
        }
        return new FeatureSet(layer.Id, features);
    }

    /// <summary>The SQL and parameters for a layer and an area kind; exposed for tests of the builder.</summary>
    public static (string Sql, List<NpgsqlParameter> Parameters) BuildSql(LayerDefinition layer, ExportArea? area, double tolerance,
        long? scenarioId = null)
    {
        string geom = "t." + SqlIdentifier.Quote(layer.GeometryColumn);
        var columns = layer.Properties.Select(p => "t." + SqlIdentifier.Quote(p.Column));
        var parameters = new List<NpgsqlParameter> { new("tol", Math.Max(0, tolerance)) };
        var where = new List<string> { $"{geom} IS NOT NULL" };
        if (area?.Box is BoundingBox box)
        {
            parameters.Add(new NpgsqlParameter("minx", box.MinX));
            parameters.Add(new NpgsqlParameter("miny", box.MinY));
            parameters.Add(new NpgsqlParameter("maxx", box.MaxX));
            parameters.Add(new NpgsqlParameter("maxy", box.MaxY));
            const string envelope = "ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 4326)";
            where.Add($"{geom} && {envelope} AND ST_Intersects({geom}, {envelope})");
        }
        else if (area?.ScenarioId is long scenario)
        {
            // The planner's saved villages (pilots and the villages they reach); tables of the planner's migrations.
            parameters.Add(new NpgsqlParameter("area_scenario", scenario));
            const string villages = "SELECT sv.desa_kode FROM desagis.planner_scenario_village sv WHERE sv.scenario_id = @area_scenario";
            if (CodeColumn(layer, AdminLevel.Desa) is { } column)
                where.Add($"t.{SqlIdentifier.Quote(column)} IN ({villages})");
            else
                where.Add($"ST_Relate({geom}, (SELECT ST_Union(d.geom) FROM desagis.desa d WHERE d.kode IN ({villages})), 'T********')");
        }
        else if (area?.Code is KemendagriCode code)
        {
            parameters.Add(new NpgsqlParameter("code", code.Dotted));
            if (CodeColumn(layer, code.Level) is { } column)
                where.Add($"t.{SqlIdentifier.Quote(column)} = @code");
            else
            {
                var regionTable = code.Level switch
                {
                    AdminLevel.Desa => "desa",
                    AdminLevel.Kecamatan => "kecamatan",
                    AdminLevel.Kabupaten => "kabupaten",
                    _ => "provinsi",
                };
                // Interiors must meet: a neighbour that only shares a border is not "in" the region.
                where.Add($"ST_Relate({geom}, (SELECT r.geom FROM {SqlIdentifier.Quote("desagis", regionTable)} r WHERE r.kode = @code), 'T********')");
            }
        }
        if (scenarioId is long sid)
        {
            var column = layer.FindProperty(ScenarioProperty)?.Column
                ?? throw new ArgumentException($"The collection '{layer.Id}' has no {ScenarioProperty}; scenario exports use the scenario layers.");
            parameters.Add(new NpgsqlParameter("scenario", sid));
            where.Add($"t.{SqlIdentifier.Quote(column)} = @scenario");
        }
        var order = layer.DefaultSortColumn ?? layer.IdColumn;
        var sql = $"""
            SELECT t.{SqlIdentifier.Quote(layer.IdColumn)}, {string.Join(", ", columns)},
                   CASE WHEN @tol > 0 THEN ST_SimplifyPreserveTopology({geom}, @tol) ELSE {geom} END
              FROM {SqlIdentifier.Quote(layer.Schema, layer.Relation)} t
             WHERE {string.Join(" AND ", where)}
             ORDER BY t.{SqlIdentifier.Quote(order)}
            """;
        return (sql, parameters);
    }

    /// <summary>The layer's column that holds the code of a region at the level, or null (then the filter is spatial).</summary>
    public static string? CodeColumn(LayerDefinition layer, AdminLevel level)
    {
        var own = (layer.Id, level) switch
        {
            ("kabupaten", AdminLevel.Kabupaten) or ("kecamatan", AdminLevel.Kecamatan) or ("provinsi", AdminLevel.Provinsi) => "kode",
            ("villages" or "village_indicators", AdminLevel.Desa) => "kode",
            _ => null,
        };
        if (own is not null) return layer.FindProperty(own)?.Column;
        var name = level switch
        {
            AdminLevel.Kabupaten => "kabupaten_kode",
            AdminLevel.Kecamatan => "kecamatan_kode",
            AdminLevel.Desa => "desa_kode",
            _ => "provinsi_kode",
        };
        return layer.FindProperty(name)?.Column;
    }

    /// <summary>Database values as map features carry them: whole numbers as long, fractions as double.</summary>
    internal static object? Normalize(object? value) => value switch
    {
        int i => (long)i,
        short s => (long)s,
        float f => (double)f,
        decimal m => (double)m,
        _ => value,
    };
}
