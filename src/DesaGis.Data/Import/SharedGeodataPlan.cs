namespace DesaGis.Data.Import;

/// <summary>
/// Everything in the shared Indonesian geodata folder (see docs/importing.md), in the order that works: code lists,
/// then boundaries (which add geometry to the same codes), then the BPS crosswalk before the BPS-keyed poverty table,
/// then the indicators and the transmigration villages. Each step is its own import and transaction.
/// </summary>
public static class SharedGeodataPlan
{
    /// <summary>The poverty table states no year; this is the year it is recorded under unless told otherwise.</summary>
    public const int DefaultPovertyYear = 2021;

    public static IReadOnlyList<SharedGeodataStep> Steps(string directory, int povertyYear = DefaultPovertyYear)
    {
        const string Wilayah = "cahyadsn_wilayah";
        const string Boundaries = "cahyadsn_wilayah_boundaries";
        const string Bridge = "zakiego_relasi_bps_kemendagri";
        var steps = new List<SharedGeodataStep>
        {
            Step("provinces of Indonesia (code list)", $"{Wilayah}/wilayah_indonesia_prov_kabkota.csv", ImportTarget.Provinsi),
            Step("kabupaten/kota of Indonesia (code list)", $"{Wilayah}/wilayah_indonesia_prov_kabkota.csv", ImportTarget.Kabupaten),
            Step("kecamatan of NTB, Kalbar, Kalsel (code list)", $"{Wilayah}/wilayah_52_61_63_semua_tingkat.csv", ImportTarget.Kecamatan),
            Step("desa/kelurahan of the four regencies (code list)", $"{Wilayah}/wilayah_target_kab_6304_6106_6104_5203.csv", ImportTarget.Desa),
            Step("province boundaries", $"{Boundaries}/provinsi_52_61_63.geojson", ImportTarget.Provinsi),
            Step("kabupaten/kota boundaries", $"{Boundaries}/kabupaten_kota_52_61_63.geojson", ImportTarget.Kabupaten),
            Step("kecamatan boundaries", $"{Boundaries}/kecamatan_52_61_63.geojson", ImportTarget.Kecamatan),
            Step("desa boundaries, Barito Kuala", $"{Boundaries}/desa_6304_barito_kuala.geojson", ImportTarget.Desa),
            Step("desa boundaries, Kapuas Hulu", $"{Boundaries}/desa_6106_kapuas_hulu.geojson", ImportTarget.Desa),
            Step("desa boundaries, Ketapang", $"{Boundaries}/desa_6104_ketapang.geojson", ImportTarget.Desa),
            Step("desa boundaries, Lombok Timur", $"{Boundaries}/desa_5203_lombok_timur.geojson", ImportTarget.Desa),
            Step("BPS ↔ Kemendagri provinces", $"{Bridge}/provinsi_bps_kemendagri_2020.csv", null, "bps-crosswalk"),
            Step("BPS ↔ Kemendagri kabupaten/kota", $"{Bridge}/kabkota_bps_kemendagri_2020.csv", null, "bps-crosswalk"),
            Step("BPS ↔ Kemendagri kecamatan", $"{Bridge}/kecamatan_bps_kemendagri_2020_prov_52_61_63.csv", null, "bps-crosswalk"),
            Step("kabupaten population and area", $"{Wilayah}/penduduk_luas_prov_kabkota.csv", null, "penduduk-luas"),
            Step($"kabupaten poverty rate P0 (recorded as {povertyYear})", "abesttar_kemiskinan_kabkota/kemiskinan_kabkota_52_61_63_dengan_kode.csv", null, "kemiskinan", povertyYear),
            Step("IDM village scores 2021–2024", "andifahruddinakas_api-idm/idm_desa_52_61_63_2021_2024.csv", null, "idm"),
            Step("transmigration settlement villages", "kamilramadhan_kawasan_transmigrasi/desa_transmigrasi_sibarduktrans_big2023.geojson", null, "transmigrasi-desa"),
        };
        var missing = steps.Select(s => s.Request.Path).Distinct().Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
            throw new ImportException($"{directory} is not the shared geodata folder: missing {string.Join(", ", missing.Select(p => Path.GetRelativePath(directory, p)))}.");
        return steps;

        SharedGeodataStep Step(string title, string relativePath, ImportTarget? target, string? preset = null, int? year = null) =>
            new(title, new ImportRequest { Path = Path.Combine(directory, relativePath), Target = target, Preset = preset, Year = year });
    }
}
