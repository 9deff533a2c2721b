namespace DesaGis.Data.Import;

/// <summary>The presets for the file layouts DesaGis knows (the public Indonesian sources in docs/importing.md).</summary>
public static class ImportPresets
{
    public static IReadOnlyList<ImportPreset> All { get; } =
    [
        new()
        {
            Name = "bps-crosswalk", Target = ImportTarget.CodeCrosswalk,
            Description = "BPS ↔ Kemendagri bridge (kode_bps, nama_bps, kode_dagri, nama_dagri; BPS bridging service, 2020 codes); the level follows from the BPS code length.",
            FieldMap = new Dictionary<string, string> { ["kode_bps"] = "kode_bps", ["kode_kemendagri"] = "kode_dagri", ["nama_bps"] = "nama_bps", ["nama_kemendagri"] = "nama_dagri" },
            Year = 2020,
        },
        new()
        {
            Name = "kemiskinan", Target = ImportTarget.KabupatenIndicator,
            Description = "Kab/kota poverty rate P0 (kode_bps, p0_persen_penduduk_miskin), joined through the BPS crosswalk. The source states no year: give --year.",
            FieldMap = new Dictionary<string, string> { ["kabupaten_kode"] = "kode_bps", ["poverty_rate"] = "p0_persen_penduduk_miskin" },
            CodeSystem = Import.CodeSystem.Bps, NeedsYear = true,
            Source = "BPS P0 kab/kota (Kaggle ermila/klasifikasi-kemiskinan)",
        },
        new()
        {
            Name = "kemiskinan-kemendagri", Target = ImportTarget.KabupatenIndicator,
            Description = "The same poverty table keyed by its kode_kemendagri column instead of the crosswalk. Give --year.",
            FieldMap = new Dictionary<string, string> { ["kabupaten_kode"] = "kode_kemendagri", ["poverty_rate"] = "p0_persen_penduduk_miskin" },
            CodeSystem = Import.CodeSystem.Kemendagri, NeedsYear = true,
            Source = "BPS P0 kab/kota (Kaggle ermila/klasifikasi-kemiskinan)",
        },
        new()
        {
            Name = "penduduk-luas", Target = ImportTarget.KabupatenIndicator,
            Description = "Kab/kota population and area (kode, penduduk_total, luas_km2; Kepmendagri 300.2.2-2138/2025, area by BIG); province rows are skipped.",
            FieldMap = new Dictionary<string, string> { ["kabupaten_kode"] = "kode", ["population"] = "penduduk_total", ["area_km2"] = "luas_km2" },
            Year = 2025, Source = "Kepmendagri 300.2.2-2138/2025 (population), BIG 2024 (area)",
        },
        new()
        {
            Name = "idm", Target = ImportTarget.VillageIndicator,
            Description = "Indeks Desa Membangun per village and year (kode_desa, tahun, skor_idm, status_idm; Kemendesa IDM open API).",
            FieldMap = new Dictionary<string, string> { ["desa_kode"] = "kode_desa", ["year"] = "tahun", ["idm_score"] = "skor_idm", ["idm_status"] = "status_idm" },
            Source = "Kemendesa IDM",
        },
        new()
        {
            Name = "transmigrasi-desa", Target = ImportTarget.TransmigrationArea,
            Description = "Villages hosting transmigration settlements (kode_desa, nama_desa; SIBARDUKTRANS matched to BIG polygons): one settlement area (kind SP, or --set kind=UPT) per village, containing that village.",
            FieldMap = new Dictionary<string, string>
            {
                ["kode"] = "{kind}-{kode_desa}", ["nama"] = "Permukiman Transmigrasi {nama_desa}", ["desa_kodes"] = "kode_desa",
            },
            Constants = new Dictionary<string, string> { ["kind"] = "SP" },
            Source = "SIBARDUKTRANS + BIG 2023",
        },
        new()
        {
            Name = "wilayah", Target = ImportTarget.Desa,
            Description = "Kemendagri code lists and boundary files (kode, nama, tingkat), for any of provinsi, kabupaten, kecamatan or desa (choose with --target); rows of other levels are skipped.",
            FieldMap = new Dictionary<string, string> { ["kode"] = "kode", ["nama"] = "nama" },
        },
    ];

    public static ImportPreset? Find(string name) =>
        All.FirstOrDefault(p => p.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
}
