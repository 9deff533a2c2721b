using DesaGis.Core.Codes;

namespace DesaGis.Data.Import.Targets;

/// <summary>The import targets and their fields. Field aliases are the column names common Indonesian files use.</summary>
public static class TargetCatalog
{
    private static readonly string[] IdmStatuses = ["MANDIRI", "MAJU", "BERKEMBANG", "TERTINGGAL", "SANGAT_TERTINGGAL"];

    public static IReadOnlyList<TargetDefinition> All { get; } =
    [
        Admin(ImportTarget.Provinsi, "provinsi", AdminLevel.Provinsi, ["kode", "kode_prov", "kdppum", "kode_provinsi"], ["nama", "name", "nama_prov", "namobj", "wadmpr", "provinsi"]),
        Admin(ImportTarget.Kabupaten, "kabupaten", AdminLevel.Kabupaten, ["kode", "kode_kab", "kdpkab", "kode_kabupaten", "kode_kemendagri"], ["nama", "name", "nama_kab", "namobj", "wadmkk", "kabupaten"],
            new TargetField("jenis", FieldKind.Choice, "text", "jenis", "tingkat", "type")
            {
                Choices = ["kabupaten", "kota"],
                Synonyms = new Dictionary<string, string> { ["kab"] = "kabupaten", ["kab."] = "kabupaten", ["regency"] = "kabupaten", ["city"] = "kota" },
            }),
        Admin(ImportTarget.Kecamatan, "kecamatan", AdminLevel.Kecamatan, ["kode", "kode_kec", "kdcpum", "kode_kecamatan"], ["nama", "name", "nama_kec", "namobj", "wadmkc", "kecamatan"]),
        Admin(ImportTarget.Desa, "desa", AdminLevel.Desa, ["kode", "kode_desa", "kdepum", "kode_kel", "kode_10"], ["nama", "name", "nama_desa", "namobj", "wadmkd", "desa"],
            new TargetField("jenis", FieldKind.Choice, "text", "jenis", "tingkat", "type")
            {
                Choices = ["desa", "kelurahan"],
                Synonyms = new Dictionary<string, string> { ["kel"] = "kelurahan", ["kel."] = "kelurahan", ["village"] = "desa" },
            }),
        new()
        {
            Target = ImportTarget.CodeCrosswalk, Name = "code_crosswalk", Table = "code_crosswalk",
            Fields =
            [
                new("level", FieldKind.Choice, "text", "level", "tingkat") { Key = true, Choices = ["provinsi", "kabupaten", "kecamatan", "desa"],
                    Synonyms = new Dictionary<string, string> { ["kota"] = "kabupaten", ["kelurahan"] = "desa" } },
                new("kode_bps", FieldKind.Text, "text", "kode_bps", "bps") { Key = true, Required = true },
                new("kode_kemendagri", FieldKind.Code, "text", "kode_kemendagri", "kode_dagri", "kode_pum") { Required = true },
                new("nama_bps", FieldKind.Text, "text", "nama_bps"),
                new("nama_kemendagri", FieldKind.Text, "text", "nama_kemendagri", "nama_dagri"),
                new("year", FieldKind.Year, "integer", "year", "tahun") { Key = true, Required = true },
            ],
        },
        new()
        {
            Target = ImportTarget.VillageIndicator, Name = "village_indicator", Table = "village_indicator",
            CrosswalkField = "desa_kode", CrosswalkLevel = "desa",
            Fields =
            [
                new("desa_kode", FieldKind.Code, "text", "desa_kode", "kode_desa", "kode", "kdepum", "kode_desa_10") { Level = AdminLevel.Desa, Key = true, Required = true },
                new("year", FieldKind.Year, "integer", "year", "tahun") { Key = true, Required = true },
                new("population", FieldKind.Integer, "integer", "population", "penduduk", "jumlah_penduduk", "penduduk_total") { Min = 0 },
                new("poverty_rate", FieldKind.Number, "double precision", "poverty_rate", "p0", "persen_miskin") { Min = 0, Max = 100 },
                new("extreme_poor_people", FieldKind.Integer, "integer", "extreme_poor_people", "miskin_ekstrem", "jumlah_miskin_ekstrem") { Min = 0 },
                new("extreme_poor_households", FieldKind.Integer, "integer", "extreme_poor_households", "rt_miskin_ekstrem", "keluarga_miskin_ekstrem") { Min = 0 },
                new("idm_score", FieldKind.Number, "double precision", "idm_score", "skor_idm", "nilai_idm") { Min = 0, Max = 1 },
                new("idm_status", FieldKind.Choice, "text", "idm_status", "status_idm") { Choices = IdmStatuses,
                    Synonyms = new Dictionary<string, string> { ["SANGAT TERTINGGAL"] = "SANGAT_TERTINGGAL", ["SANGAT-TERTINGGAL"] = "SANGAT_TERTINGGAL" } },
                new("source", FieldKind.Text, "text", "source", "sumber") { Required = true },
            ],
        },
        new()
        {
            Target = ImportTarget.KabupatenIndicator, Name = "kabupaten_indicator", Table = "kabupaten_indicator",
            CrosswalkField = "kabupaten_kode", CrosswalkLevel = "kabupaten",
            Fields =
            [
                new("kabupaten_kode", FieldKind.Code, "text", "kabupaten_kode", "kode_kab", "kode", "kode_kemendagri") { Level = AdminLevel.Kabupaten, Key = true, Required = true },
                new("year", FieldKind.Year, "integer", "year", "tahun") { Key = true, Required = true },
                new("population", FieldKind.Integer, "bigint", "population", "penduduk", "jumlah_penduduk", "penduduk_total") { Min = 0 },
                new("poverty_rate", FieldKind.Number, "double precision", "poverty_rate", "p0", "p0_persen_penduduk_miskin", "persen_miskin") { Min = 0, Max = 100 },
                new("extreme_poor_people", FieldKind.Integer, "integer", "extreme_poor_people", "miskin_ekstrem") { Min = 0 },
                new("extreme_poor_households", FieldKind.Integer, "integer", "extreme_poor_households", "rt_miskin_ekstrem") { Min = 0 },
                new("area_km2", FieldKind.Number, "double precision", "area_km2", "luas_km2", "luas") { Min = 0 },
                new("source", FieldKind.Text, "text", "source", "sumber") { Required = true },
            ],
        },
        new()
        {
            Target = ImportTarget.TransmigrationArea, Name = "transmigration_area", Table = "transmigration_area", HasGeometry = true,
            Fields =
            [
                new("kode", FieldKind.Text, "text", "kode", "kode_kawasan", "id") { Key = true, Required = true },
                new("nama", FieldKind.Text, "text", "nama", "name", "nama_kawasan") { Required = true },
                new("kind", FieldKind.Choice, "text", "kind", "jenis", "tipe") { Required = true, Choices = ["SKP", "KPB", "WPT", "LPT", "UPT", "SP"] },
                new("status", FieldKind.Text, "text", "status"),
                new("year", FieldKind.Year, "integer", "year", "tahun"),
                new("desa_kodes", FieldKind.CodeList, "text[]", "desa_kodes", "desa_kode", "kode_desa", "villages") { Level = AdminLevel.Desa },
            ],
        },
        new()
        {
            Target = ImportTarget.Partner, Name = "partner", Table = "partner",
            Fields =
            [
                new("kode", FieldKind.Text, "text", "kode", "partner_kode", "id") { Key = true, Required = true },
                new("nama", FieldKind.Text, "text", "nama", "name", "organisasi") { Required = true },
                new("kind", FieldKind.Choice, "text", "kind", "jenis", "type", "tipe") { Required = true, Choices = ["government", "ngo", "donor", "private"],
                    Synonyms = new Dictionary<string, string> { ["pemerintah"] = "government", ["lsm"] = "ngo", ["swasta"] = "private", ["donor"] = "donor", ["gov"] = "government" } },
            ],
        },
        new()
        {
            Target = ImportTarget.Program, Name = "program", Table = "program", HasGeometry = true,
            Fields =
            [
                new("kode", FieldKind.Text, "text", "kode", "program_kode", "id") { Key = true, Required = true },
                new("nama", FieldKind.Text, "text", "nama", "name", "nama_program") { Required = true },
                new("partner_kode", FieldKind.Text, "text", "partner_kode", "partner", "mitra") { Required = true },
                new("sector", FieldKind.Text, "text", "sector", "sektor") { Required = true },
                new("start_date", FieldKind.Date, "date", "start_date", "mulai", "tanggal_mulai"),
                new("end_date", FieldKind.Date, "date", "end_date", "selesai", "tanggal_selesai"),
                new("status", FieldKind.Choice, "text", "status") { Choices = ["planned", "active", "completed", "suspended"],
                    Synonyms = new Dictionary<string, string> { ["rencana"] = "planned", ["aktif"] = "active", ["berjalan"] = "active", ["selesai"] = "completed", ["ditunda"] = "suspended" } },
                new("desa_kodes", FieldKind.CodeList, "text[]", "desa_kodes", "desa_kode", "villages") { Level = AdminLevel.Desa },
            ],
        },
        new()
        {
            Target = ImportTarget.ProgramVillage, Name = "program_village", Table = "program_village",
            Fields =
            [
                new("program_kode", FieldKind.Text, "text", "program_kode", "program") { Key = true, Required = true },
                new("desa_kode", FieldKind.Code, "text", "desa_kode", "kode_desa", "kode", "kdepum") { Level = AdminLevel.Desa, Key = true, Required = true },
            ],
        },
    ];

    public static TargetDefinition Get(ImportTarget target) => All.First(t => t.Target == target);

    /// <summary>Parses a target name as users write it (desa, village_indicator, village-indicator, …).</summary>
    public static ImportTarget? TryParse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var normalized = name.Trim().Replace('-', '_');
        return All.FirstOrDefault(t => t.Name.Equals(normalized, StringComparison.OrdinalIgnoreCase))?.Target;
    }

    private static TargetDefinition Admin(ImportTarget target, string name, AdminLevel level, string[] codeAliases, string[] nameAliases, TargetField? jenis = null)
    {
        var fields = new List<TargetField>
        {
            new("kode", FieldKind.Code, "text", codeAliases) { Level = level, Key = true, Required = true },
            new("nama", FieldKind.Text, "text", nameAliases) { Required = true },
        };
        if (jenis is not null) fields.Add(jenis);
        fields.Add(new TargetField("area_km2", FieldKind.Number, "double precision", "area_km2", "luas_km2", "luas") { Min = 0 });
        return new TargetDefinition { Target = target, Name = name, Table = name, Fields = fields, HasGeometry = true, Level = level };
    }
}
