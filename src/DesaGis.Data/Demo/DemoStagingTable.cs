using NpgsqlTypes;

namespace DesaGis.Data.Demo;

/// <summary>
/// One file of a demo dataset and the temporary table it is copied into. Column names are those of the file (the
/// GeoJSON property or CSV header) and of the target table; a GeoJSON file adds a <c>geom</c> column.
/// </summary>
internal sealed record DemoStagingTable(string File, string Table, (string Name, NpgsqlDbType Type)[] Columns)
{
    public bool IsGeoJson => File.EndsWith(".geojson", StringComparison.Ordinal);

    public string CreateSql =>
        $"CREATE TEMP TABLE {Table} ({string.Join(", ", Columns.Select(c => $"{c.Name} {SqlType(c.Type)}"))}" +
        (IsGeoJson ? ", geom geometry" : "") + ") ON COMMIT DROP";

    public string CopySql =>
        $"COPY {Table} ({string.Join(", ", Columns.Select(c => c.Name))}{(IsGeoJson ? ", geom" : "")}) FROM STDIN (FORMAT BINARY)";

    private static string SqlType(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Text => "text",
        NpgsqlDbType.Integer => "integer",
        NpgsqlDbType.Bigint => "bigint",
        NpgsqlDbType.Double => "double precision",
        NpgsqlDbType.Date => "date",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a staging column type"),
    };

    /// <summary>The staging tables, in loading order. Table and column names are fixed here, never taken from a file.</summary>
    public static readonly DemoStagingTable[] All =
    [
        new(DemoFiles.Provinsi, "s_provinsi", [("kode", NpgsqlDbType.Text), ("nama", NpgsqlDbType.Text), ("area_km2", NpgsqlDbType.Double)]),
        new(DemoFiles.Kabupaten, "s_kabupaten",
            [("kode", NpgsqlDbType.Text), ("nama", NpgsqlDbType.Text), ("jenis", NpgsqlDbType.Text), ("area_km2", NpgsqlDbType.Double)]),
        new(DemoFiles.Kecamatan, "s_kecamatan", [("kode", NpgsqlDbType.Text), ("nama", NpgsqlDbType.Text), ("area_km2", NpgsqlDbType.Double)]),
        new(DemoFiles.Desa, "s_desa",
            [("kode", NpgsqlDbType.Text), ("nama", NpgsqlDbType.Text), ("jenis", NpgsqlDbType.Text), ("area_km2", NpgsqlDbType.Double)]),
        new(DemoFiles.VillageIndicator, "s_village_indicator",
        [
            ("desa_kode", NpgsqlDbType.Text), ("year", NpgsqlDbType.Integer), ("population", NpgsqlDbType.Integer),
            ("poverty_rate", NpgsqlDbType.Double), ("extreme_poor_people", NpgsqlDbType.Integer),
            ("extreme_poor_households", NpgsqlDbType.Integer), ("idm_score", NpgsqlDbType.Double), ("idm_status", NpgsqlDbType.Text),
            ("source", NpgsqlDbType.Text),
        ]),
        new(DemoFiles.KabupatenIndicator, "s_kabupaten_indicator",
        [
            ("kabupaten_kode", NpgsqlDbType.Text), ("year", NpgsqlDbType.Integer), ("population", NpgsqlDbType.Bigint),
            ("poverty_rate", NpgsqlDbType.Double), ("extreme_poor_people", NpgsqlDbType.Integer),
            ("extreme_poor_households", NpgsqlDbType.Integer), ("area_km2", NpgsqlDbType.Double), ("source", NpgsqlDbType.Text),
        ]),
        new(DemoFiles.TransmigrationArea, "s_transmigration_area",
        [
            ("kode", NpgsqlDbType.Text), ("nama", NpgsqlDbType.Text), ("kind", NpgsqlDbType.Text), ("status", NpgsqlDbType.Text),
            ("year", NpgsqlDbType.Integer), ("desa_kodes", NpgsqlDbType.Text),
        ]),
        new(DemoFiles.Partner, "s_partner", [("kode", NpgsqlDbType.Text), ("nama", NpgsqlDbType.Text), ("kind", NpgsqlDbType.Text)]),
        new(DemoFiles.Program, "s_program",
        [
            ("kode", NpgsqlDbType.Text), ("nama", NpgsqlDbType.Text), ("partner_kode", NpgsqlDbType.Text), ("sector", NpgsqlDbType.Text),
            ("start_date", NpgsqlDbType.Date), ("end_date", NpgsqlDbType.Date), ("status", NpgsqlDbType.Text),
        ]),
        new(DemoFiles.ProgramVillage, "s_program_village", [("program_kode", NpgsqlDbType.Text), ("desa_kode", NpgsqlDbType.Text)]),
        new(DemoFiles.ExtremePoorHousehold, "s_extreme_poor_household",
        [
            ("kode", NpgsqlDbType.Text), ("desa_kode", NpgsqlDbType.Text), ("head_of_household", NpgsqlDbType.Text),
            ("members", NpgsqlDbType.Integer), ("welfare_decile", NpgsqlDbType.Integer), ("year", NpgsqlDbType.Integer),
            ("lon", NpgsqlDbType.Double), ("lat", NpgsqlDbType.Double),
        ]),
    ];
}
