using DesaGis.Core;
using DesaGis.Core.Codes;
using DesaGis.Core.Mapping;
using DesaGis.Data.Catalog;
using NetTopologySuite.Geometries;
using Npgsql;

namespace DesaGis.Data.Export;

/// <summary>The map data of printed maps, from PostGIS: areas by code or box, layer features, overview and atlas villages.</summary>
public sealed class PostgisMapDataSource(NpgsqlDataSource dataSource, LayerCatalog catalog) : IMapDataSource
{
    private readonly LayerFeatureReader _reader = new(dataSource);

    // One row per village with its names and box; the WHERE clause is chosen by area kind, never built from input.
    private const string VillageSelect = """
        SELECT d.kode, d.nama, d.jenis, kc.nama, kb.nama, pr.nama, d.provinsi_kode,
               g.geom, ST_XMin(g.geom), ST_YMin(g.geom), ST_XMax(g.geom), ST_YMax(g.geom)
          FROM desagis.desa d
          LEFT JOIN desagis.kecamatan kc ON kc.kode = d.kecamatan_kode
          LEFT JOIN desagis.kabupaten kb ON kb.kode = d.kabupaten_kode
          LEFT JOIN desagis.provinsi pr ON pr.kode = d.provinsi_kode
          CROSS JOIN LATERAL (SELECT COALESCE(d.geom, kc.geom, kb.geom) AS geom) g
        """;

    public async Task<MapArea?> ResolveAsync(ExportArea area, CancellationToken cancellationToken)
    {
        switch (area.Kind)
        {
            case AreaKind.BoundingBox:
            {
                var box = area.Box!.Value;
                return new MapArea(area, "Peta area", $"{box.MinX:0.###}, {box.MinY:0.###} – {box.MaxX:0.###}, {box.MaxY:0.###} (lon/lat)",
                    box, null, null);
            }
            case AreaKind.Scenario:
                return await ScenarioAsync(area, cancellationToken);
            case AreaKind.Village:
            {
                var list = await VillagesWhereAsync(area, "d.kode = @code", area.Code!.Dotted, cancellationToken);
                return list.FirstOrDefault();
            }
            case AreaKind.Kecamatan:
                return await RegionAsync(area, """
                    SELECT kc.nama, kb.nama, pr.nama, kc.provinsi_kode, g.geom,
                           ST_XMin(g.geom), ST_YMin(g.geom), ST_XMax(g.geom), ST_YMax(g.geom)
                      FROM desagis.kecamatan kc
                      LEFT JOIN desagis.kabupaten kb ON kb.kode = kc.kabupaten_kode
                      LEFT JOIN desagis.provinsi pr ON pr.kode = kc.provinsi_kode
                      CROSS JOIN LATERAL (SELECT COALESCE(kc.geom,
                            (SELECT ST_Multi(ST_Union(d.geom)) FROM desagis.desa d WHERE d.kecamatan_kode = kc.kode)) AS geom) g
                     WHERE kc.kode = @code
                    """, (n, parent, province) => ("Kecamatan " + n, Join(parent, province)), cancellationToken);
            default:
                return await RegionAsync(area, """
                    SELECT kb.nama, NULL::text, pr.nama, kb.provinsi_kode, g.geom,
                           ST_XMin(g.geom), ST_YMin(g.geom), ST_XMax(g.geom), ST_YMax(g.geom)
                      FROM desagis.kabupaten kb
                      LEFT JOIN desagis.provinsi pr ON pr.kode = kb.provinsi_kode
                      CROSS JOIN LATERAL (SELECT COALESCE(kb.geom,
                            (SELECT ST_Multi(ST_Union(d.geom)) FROM desagis.desa d WHERE d.kabupaten_kode = kb.kode)) AS geom) g
                     WHERE kb.kode = @code
                    """, (n, _, province) => (KabupatenTitle(n), province is null ? null : "Provinsi " + province), cancellationToken);
        }
    }

    public Task<IReadOnlyList<string>> SourcesAsync(BoundingBox box, IReadOnlyCollection<string> layerIds, CancellationToken cancellationToken) =>
        MapSources.ReadAsync(dataSource, box, layerIds, cancellationToken);

    public async Task<MapData> LoadAsync(BoundingBox box, IReadOnlyCollection<string> layerIds, double tolerance, CancellationToken cancellationToken)
    {
        var sets = new List<FeatureSet>();
        foreach (var id in layerIds)
        {
            if (catalog.Find(id) is not { } layer) continue;
            sets.Add(await _reader.ReadAsync(layer, ExportArea.ForBox(box), tolerance, cancellationToken));
        }
        return new MapData(sets);
    }

    public async Task<FeatureSet> OverviewAsync(MapArea area, CancellationToken cancellationToken)
    {
        string sql;
        var parameters = new List<NpgsqlParameter>();
        if (area.ProvinsiKode is { } province)
        {
            sql = """
                SELECT kode, ST_SimplifyPreserveTopology(geom, 0.005) FROM desagis.kabupaten
                 WHERE provinsi_kode = @p AND geom IS NOT NULL ORDER BY kode
                """;
            parameters.Add(new NpgsqlParameter("p", province));
        }
        else
        {
            var box = area.Extent.Expand(Math.Max(area.Extent.Width, area.Extent.Height) * 2);
            sql = """
                SELECT kode, ST_SimplifyPreserveTopology(geom, 0.005) FROM desagis.kabupaten
                 WHERE geom && ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 4326) ORDER BY kode
                """;
            parameters.AddRange([new("minx", box.MinX), new("miny", box.MinY), new("maxx", box.MaxX), new("maxy", box.MaxY)]);
        }
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddRange(parameters.ToArray());
        var features = new List<MapFeature>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (!reader.IsDBNull(1))
                features.Add(new MapFeature(reader.GetString(0), reader.GetFieldValue<Geometry>(1), new Dictionary<string, object?> { ["kode"] = reader.GetString(0) }));
        return new FeatureSet("kabupaten", features);
    }

    public async Task<IReadOnlyList<MapArea>> VillagesAsync(MapArea area, CancellationToken cancellationToken) => area.Area.Kind switch
    {
        AreaKind.Village => [area],
        AreaKind.Kecamatan => await VillagesWhereAsync(area.Area, "d.kecamatan_kode = @code", area.Area.Code!.Dotted, cancellationToken),
        AreaKind.Kabupaten => await VillagesWhereAsync(area.Area, "d.kabupaten_kode = @code", area.Area.Code!.Dotted, cancellationToken),
        AreaKind.Scenario => await ScenarioPilotsAsync(area.Area.ScenarioId!.Value, cancellationToken),
        _ => await VillagesInBoxAsync(area.Extent, cancellationToken),
    };

    // A saved scenario (planner tables): its name, the box of all its villages, its pilots' boundaries as the focus.
    private async Task<MapArea?> ScenarioAsync(ExportArea area, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT s.name,
                   (SELECT count(*) FROM desagis.planner_scenario_village sv WHERE sv.scenario_id = s.id AND sv.role = 'pilot'),
                   (SELECT count(*) FROM desagis.planner_scenario_village sv WHERE sv.scenario_id = s.id),
                   (SELECT mode() WITHIN GROUP (ORDER BY left(sv.desa_kode, 2)) FROM desagis.planner_scenario_village sv WHERE sv.scenario_id = s.id),
                   (SELECT ST_Multi(ST_Union(d.geom)) FROM desagis.planner_scenario_village sv JOIN desagis.desa d ON d.kode = sv.desa_kode
                     WHERE sv.scenario_id = s.id AND sv.role = 'pilot'),
                   ST_XMin(e.box), ST_YMin(e.box), ST_XMax(e.box), ST_YMax(e.box)
              FROM desagis.planner_scenario s
              CROSS JOIN LATERAL (
                    SELECT ST_Extent(COALESCE(d.geom, sv.point))::geometry AS box
                      FROM desagis.planner_scenario_village sv LEFT JOIN desagis.desa d ON d.kode = sv.desa_kode
                     WHERE sv.scenario_id = s.id) e
             WHERE s.id = @id
            """;
        try
        {
            await using var cmd = dataSource.CreateCommand(sql);
            cmd.Parameters.Add(new NpgsqlParameter("id", area.ScenarioId!.Value));
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(5)) return null;
            var box = new BoundingBox(reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8));
            var subtitle = $"{reader.GetInt64(1)} desa pilot, {reader.GetInt64(2)} desa dalam skenario — skenario #{area.ScenarioId}";
            return new MapArea(area, "Skenario: " + reader.GetString(0), subtitle, box,
                reader.IsDBNull(4) ? null : reader.GetFieldValue<Geometry>(4), reader.IsDBNull(3) ? null : reader.GetString(3));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Without the planner's tables there are no scenarios to print.
            return null;
        }
    }

    private async Task<IReadOnlyList<MapArea>> ScenarioPilotsAsync(long scenarioId, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(VillageSelect + """
             WHERE d.kode IN (SELECT sv.desa_kode FROM desagis.planner_scenario_village sv WHERE sv.scenario_id = @id AND sv.role = 'pilot')
             ORDER BY d.kode
            """);
        cmd.Parameters.Add(new NpgsqlParameter("id", scenarioId));
        return await ReadVillagesAsync(cmd, cancellationToken);
    }

    private async Task<IReadOnlyList<MapArea>> VillagesInBoxAsync(BoundingBox box, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(VillageSelect +
            " WHERE ST_Intersects(d.centroid, ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 4326)) ORDER BY d.kode");
        cmd.Parameters.AddRange(new NpgsqlParameter[] { new("minx", box.MinX), new("miny", box.MinY), new("maxx", box.MaxX), new("maxy", box.MaxY) });
        return await ReadVillagesAsync(cmd, cancellationToken);
    }

    private async Task<IReadOnlyList<MapArea>> VillagesWhereAsync(ExportArea _, string condition, string code, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(VillageSelect + " WHERE " + condition + " ORDER BY d.kode");
        cmd.Parameters.Add(new NpgsqlParameter("code", code));
        return await ReadVillagesAsync(cmd, cancellationToken);
    }

    private static async Task<IReadOnlyList<MapArea>> ReadVillagesAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<MapArea>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(7)) continue;
            var code = KemendagriCode.Parse(reader.GetString(0));
            var title = (reader.GetString(2) == "kelurahan" ? "Kelurahan " : "Desa ") + reader.GetString(1);
            string? kecamatan = reader.IsDBNull(3) ? null : "Kecamatan " + reader.GetString(3);
            string? kabupaten = reader.IsDBNull(4) ? null : KabupatenTitle(reader.GetString(4));
            string? province = reader.IsDBNull(5) ? null : reader.GetString(5);
            var subtitle = string.Join(", ", new[] { kecamatan, kabupaten, province }.OfType<string>()) + $" — kode {code.Dotted}";
            var box = new BoundingBox(reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11));
            list.Add(new MapArea(ExportArea.ForRegion(code), title, subtitle, box, reader.GetFieldValue<Geometry>(7), reader.GetString(6)));
        }
        return list;
    }

    private async Task<MapArea?> RegionAsync(ExportArea area, string sql, Func<string, string?, string?, (string Title, string? Subtitle)> names,
        CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter("code", area.Code!.Dotted));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var (title, subtitle) = names(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        subtitle = (subtitle is null ? "" : subtitle + " — ") + "kode " + area.Code.Dotted;
        if (reader.IsDBNull(4))
            throw new UnknownAreaException(area); // a region without any boundary cannot be mapped
        var box = new BoundingBox(reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8));
        return new MapArea(area, title, subtitle, box, reader.GetFieldValue<Geometry>(4), reader.GetString(3));
    }

    private static string KabupatenTitle(string nama) =>
        nama.StartsWith("Kabupaten", StringComparison.OrdinalIgnoreCase) || nama.StartsWith("Kota", StringComparison.OrdinalIgnoreCase)
            ? nama
            : "Kabupaten " + nama;

    private static string? Join(string? kabupaten, string? province) =>
        kabupaten is null && province is null ? null
            : string.Join(", ", new[] { kabupaten is null ? null : KabupatenTitle(kabupaten), province }.OfType<string>());
}
