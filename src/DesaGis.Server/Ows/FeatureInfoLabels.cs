namespace DesaGis.Server.Ows;

/// <summary>
/// The names feature info shows for properties, in Bahasa Indonesia and English. Properties without an entry are
/// shown by their catalog name and description.
/// </summary>
public static class FeatureInfoLabels
{
    private static readonly Dictionary<string, OwsText> Labels = new(StringComparer.Ordinal)
    {
        ["kode"] = new("Kode Kemendagri", "Kemendagri code"),
        ["kode10"] = new("Kode (10 digit)", "Code (10 digits)"),
        ["nama"] = new("Nama", "Name"),
        ["jenis"] = new("Jenis", "Kind"),
        ["kecamatan_kode"] = new("Kode kecamatan", "Kecamatan code"),
        ["kecamatan_nama"] = new("Kecamatan", "Kecamatan"),
        ["kabupaten_kode"] = new("Kode kabupaten/kota", "Kabupaten/kota code"),
        ["kabupaten_nama"] = new("Kabupaten/kota", "Kabupaten/kota"),
        ["provinsi_kode"] = new("Kode provinsi", "Province code"),
        ["area_km2"] = new("Luas (km²)", "Area (km²)"),
        ["indicator_year"] = new("Tahun data kemiskinan", "Year of the poverty figures"),
        ["population"] = new("Jumlah penduduk", "Population"),
        ["poverty_rate"] = new("Tingkat kemiskinan (P0, %)", "Poverty rate (P0, %)"),
        ["extreme_poor"] = new("Penduduk miskin ekstrem", "People in extreme poverty"),
        ["extreme_poor_households"] = new("Rumah tangga miskin ekstrem", "Households in extreme poverty"),
        ["idm_year"] = new("Tahun IDM", "Year of the IDM figures"),
        ["idm_score"] = new("Skor IDM", "IDM score"),
        ["idm_status"] = new("Status IDM", "IDM status"),
        ["poverty_source"] = new("Sumber data kemiskinan", "Source of the poverty figures"),
        ["idm_source"] = new("Sumber IDM", "Source of the IDM figures"),
        ["program_count"] = new("Jumlah program", "Programmes"),
        ["partner_count"] = new("Jumlah mitra", "Partners"),
        ["partner_names"] = new("Mitra", "Partners"),
        ["sectors"] = new("Sektor", "Sectors"),
        ["in_transmigration_area"] = new("Dalam kawasan transmigrasi", "In a transmigration area"),
        ["transmigration_area"] = new("Kawasan transmigrasi", "Transmigration area"),
        ["kind"] = new("Jenis", "Kind"),
        ["status"] = new("Status", "Status"),
        ["year"] = new("Tahun", "Year"),
        ["village_count"] = new("Jumlah desa", "Villages"),
        ["sector"] = new("Sektor", "Sector"),
        ["start_year"] = new("Tahun mulai", "First year"),
        ["end_year"] = new("Tahun selesai", "Last year"),
        ["partner_kode"] = new("Kode mitra", "Partner code"),
        ["partner_nama"] = new("Mitra", "Partner"),
        ["partner_kind"] = new("Jenis mitra", "Partner type"),
        ["program_kode"] = new("Kode program", "Programme code"),
        ["program_nama"] = new("Program", "Programme"),
        ["desa_kode"] = new("Kode desa", "Village code"),
        ["desa_nama"] = new("Desa", "Village"),
    };

    /// <summary>The label of a property in a language (null when there is none).</summary>
    public static string? Label(string property, OwsLanguage language) =>
        Labels.TryGetValue(property, out var text) ? text.In(language) : null;
}
