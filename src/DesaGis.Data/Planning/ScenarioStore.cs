using System.Text.Json;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Results;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Data.Planning;

/// <summary>Saves, lists and reads planner scenarios in PostGIS.</summary>
public sealed class ScenarioStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Saves a run's result under a name inside the caller's transaction (the caller commits, with whatever else belongs
    /// to it); the pilots and covered villages become rows of the map layers.
    /// </summary>
    public static async Task<ScenarioSummary> InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string name, string? author, PlanResult result,
        CancellationToken cancellationToken)
    {
        long id;
        DateTimeOffset createdAt;
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO desagis.planner_scenario (name, author, method, parameters, results)
            VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at
            """, conn, tx))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = name });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)author ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = result.Method });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(result.Parameters, PlanRequest.JsonOptions), NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(result, PlanRequest.JsonOptions), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            id = reader.GetInt64(0);
            createdAt = reader.GetFieldValue<DateTimeOffset>(1);
        }

        var pilots = result.Selected;
        var covered = result.Covered;
        await using (var rows = new NpgsqlCommand(
            """
            INSERT INTO desagis.planner_scenario_village
                   (scenario_id, desa_kode, role, rank, score, stability, pinned, reached, pilot_kode, distance_km, point)
            SELECT $1, u.kode, u.role, u.rank, u.score, u.stability, u.pinned, u.reached, u.pilot_kode, u.distance_km,
                   COALESCE(d.centroid, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326))
              FROM unnest($2::text[], $3::text[], $4::integer[], $5::double precision[], $6::double precision[], $7::boolean[],
                          $8::integer[], $9::text[], $10::double precision[], $11::double precision[], $12::double precision[])
                   AS u (kode, role, rank, score, stability, pinned, reached, pilot_kode, distance_km, lon, lat)
              LEFT JOIN desagis.desa d ON d.kode = u.kode
            """, conn, tx))
        {
            int n = pilots.Count + covered.Count;
            rows.Parameters.Add(new NpgsqlParameter { Value = id });
            rows.Parameters.Add(Array(pilots.Select(p => p.Kode).Concat(covered.Select(c => c.Kode)), NpgsqlDbType.Text));
            rows.Parameters.Add(Array(Enumerable.Repeat("pilot", pilots.Count).Concat(Enumerable.Repeat("covered", covered.Count)), NpgsqlDbType.Text));
            rows.Parameters.Add(Array(pilots.Select(p => (int?)p.Rank).Concat(covered.Select(_ => (int?)null)), NpgsqlDbType.Integer));
            rows.Parameters.Add(Array(pilots.Select(p => (double?)p.Score).Concat(covered.Select(_ => (double?)null)), NpgsqlDbType.Double));
            rows.Parameters.Add(Array(pilots.Select(p => p.Stability).Concat(covered.Select(_ => (double?)null)), NpgsqlDbType.Double));
            rows.Parameters.Add(Array(pilots.Select(p => p.Pinned).Concat(covered.Select(_ => false)), NpgsqlDbType.Boolean));
            rows.Parameters.Add(Array(pilots.Select(p => (int?)p.Reached).Concat(covered.Select(_ => (int?)null)), NpgsqlDbType.Integer));
            rows.Parameters.Add(Array(pilots.Select(_ => (string?)null).Concat(covered.Select(c => (string?)c.PilotKode)), NpgsqlDbType.Text));
            rows.Parameters.Add(Array(pilots.Select(_ => (double?)null).Concat(covered.Select(c => (double?)c.DistanceKm)), NpgsqlDbType.Double));
            rows.Parameters.Add(Array(pilots.Select(p => (double?)p.Lon).Concat(covered.Select(_ => (double?)null)), NpgsqlDbType.Double));
            rows.Parameters.Add(Array(pilots.Select(p => (double?)p.Lat).Concat(covered.Select(_ => (double?)null)), NpgsqlDbType.Double));
            if (n > 0) await rows.ExecuteNonQueryAsync(cancellationToken);
        }
        return new ScenarioSummary(id, name, author, createdAt, result.Method, pilots.Count, covered.Count);
    }

    /// <summary>Saved scenarios, newest first.</summary>
    public async Task<List<ScenarioSummary>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(
            """
            SELECT s.id, s.name, s.author, s.created_at, s.method,
                   (SELECT count(*) FROM desagis.planner_scenario_village v WHERE v.scenario_id = s.id AND v.role = 'pilot')::integer,
                   (SELECT count(*) FROM desagis.planner_scenario_village v WHERE v.scenario_id = s.id AND v.role = 'covered')::integer
              FROM desagis.planner_scenario s
             ORDER BY s.created_at DESC, s.id DESC
             LIMIT $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var list = new List<ScenarioSummary>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new ScenarioSummary(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6)));
        return list;
    }

    /// <summary>One scenario, or null when there is none with that id.</summary>
    public async Task<Scenario?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(
            """
            SELECT s.id, s.name, s.author, s.created_at, s.method, s.parameters::text, s.results::text,
                   (SELECT count(*) FROM desagis.planner_scenario_village v WHERE v.scenario_id = s.id AND v.role = 'pilot')::integer,
                   (SELECT count(*) FROM desagis.planner_scenario_village v WHERE v.scenario_id = s.id AND v.role = 'covered')::integer
              FROM desagis.planner_scenario s WHERE s.id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new Scenario
        {
            Id = reader.GetInt64(0),
            Name = reader.GetString(1),
            Author = reader.IsDBNull(2) ? null : reader.GetString(2),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
            Method = reader.GetString(4),
            Parameters = JsonSerializer.Deserialize<PlanRequest>(reader.GetString(5), PlanRequest.JsonOptions)!,
            Result = JsonSerializer.Deserialize<PlanResult>(reader.GetString(6), PlanRequest.JsonOptions)!,
            PilotCount = reader.GetInt32(7),
            CoveredCount = reader.GetInt32(8),
        };
    }

    /// <summary>A scenario's pilots (as points) and covered villages (as boundaries), pilots first.</summary>
    public async Task<List<ScenarioExportRow>> ExportRowsAsync(long id, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(
            """
            SELECT v.role, v.desa_kode, d.nama, d.kecamatan_kode, v.rank, v.score, v.stability, v.pinned, v.pilot_kode, v.distance_km,
                   ST_X(v.point), ST_Y(v.point),
                   ST_AsGeoJSON(CASE WHEN v.role = 'pilot' THEN v.point ELSE COALESCE(d.geom, v.point) END, 7)
              FROM desagis.planner_scenario_village v
              LEFT JOIN desagis.desa d ON d.kode = v.desa_kode
             WHERE v.scenario_id = $1
             ORDER BY v.role DESC, v.rank NULLS LAST, v.desa_kode
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        var rows = new List<ScenarioExportRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new ScenarioExportRow(
                reader.GetString(0), reader.GetString(1), Str(reader, 2), Str(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), Dbl(reader, 5), Dbl(reader, 6), reader.GetBoolean(7),
                Str(reader, 8), Dbl(reader, 9), Dbl(reader, 10), Dbl(reader, 11), Str(reader, 12)));
        return rows;
    }

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static double? Dbl(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static NpgsqlParameter Array<T>(IEnumerable<T> values, NpgsqlDbType type) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };
}
