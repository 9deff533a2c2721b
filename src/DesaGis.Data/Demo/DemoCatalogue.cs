namespace DesaGis.Data.Demo;

/// <summary>The fixed vocabularies of the demo data: where the synthetic provinces lie, their codes, partners and sectors.</summary>
internal static class DemoCatalogue
{
    /// <summary>
    /// Province codes no real Indonesian province uses (real ones: 11–19, 21, 31–36, 51–53, 61–65, 71–76, 81–82,
    /// 91–97), so demo data can sit in the same database as imported real data without clashing. 99 comes first.
    /// </summary>
    public static readonly string[] ProvinceCodes =
    [
        "99", "98", "90", "89", "88", "87", "86", "85", "84", "83", "80", "79", "78", "77", "70", "69", "68", "67",
        "66", "60", "59", "58", "57", "56", "55", "54", "50", "49",
    ];

    /// <summary>
    /// Centres of the synthetic provinces, on land-like spots of the archipelago at least 3.2° apart. The first is in
    /// Central/South Kalimantan, where the single-province demo dataset lies.
    /// </summary>
    public static readonly (double X, double Y)[] Anchors =
    [
        (114.5, -2.5), (110.8, 0.2), (113.9, 0.9), (116.9, 2.4), (117.8, -0.8), // Kalimantan
        (96.5, 4.0), (98.8, 2.3), (101.0, 0.3), (102.8, -2.0), (105.0, -4.3), // Sumatra
        (107.0, -7.0), (110.2, -7.3), (113.4, -7.6), // Java
        (121.0, -1.8), (120.3, -5.0), (123.8, 0.6), (123.6, -4.0), // Sulawesi
        (116.6, -8.8), (119.9, -9.0), (123.2, -9.3), // Nusa Tenggara
        (127.5, 0.8), (128.8, -3.2), (132.0, -6.0), // Maluku
        (132.5, -1.5), (135.8, -2.5), (138.8, -3.5), (136.0, -5.8), (139.5, -7.0), // Papua
    ];

    public static readonly string[] PartnerKinds = ["government", "ngo", "donor", "private"];

    public static readonly Dictionary<string, string[]> PartnerNames = new()
    {
        ["government"] =
        [
            "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Kesehatan", "Dinas Pertanian", "Bappeda",
            "Dinas Pekerjaan Umum", "Dinas Pendidikan", "Dinas Sosial",
        ],
        ["ngo"] =
        [
            "Yayasan Desa Lestari", "Perkumpulan Petani Mandiri", "Yayasan Air Bersih Nusantara", "Yayasan Anak Bangsa",
            "Perkumpulan Hutan Kita", "Yayasan Sehat Bersama", "Lembaga Swadaya Rawa Gambut",
        ],
        ["donor"] =
        [
            "Dana Hibah Pembangunan Desa", "Mitra Donor Khatulistiwa", "Program Kemitraan Nusantara",
            "Dana Pangan Dunia Contoh", "Yayasan Filantropi Cahaya",
        ],
        ["private"] =
        [
            "PT Sawit Makmur Contoh (CSR)", "PT Tambang Raya Contoh (CSR)", "PT Agro Lestari Contoh (CSR)",
            "Bank Desa Contoh (CSR)", "PT Karet Sejahtera Contoh (CSR)",
        ],
    };

    /// <summary>Sectors and programme titles used in each.</summary>
    public static readonly (string Sector, string[] Titles)[] Sectors =
    [
        ("kesehatan", ["Posyandu Sehat", "Desa Bebas Stunting", "Puskesmas Keliling", "Gizi Ibu dan Anak"]),
        ("pendidikan", ["Sekolah Desa Ceria", "Literasi Anak Desa", "Beasiswa Anak Desa", "PAUD Terpadu"]),
        ("air_sanitasi", ["Air Bersih untuk Desa", "Sanitasi Total Berbasis Masyarakat", "Sumur Bor Komunal"]),
        ("ekonomi", ["BUMDes Maju", "Usaha Mikro Perempuan", "Koperasi Tani Desa"]),
        ("pertanian", ["Padi Unggul Lahan Rawa", "Kebun Karet Rakyat", "Irigasi Desa"]),
        ("infrastruktur", ["Jalan Usaha Tani", "Jembatan Gantung Desa", "Listrik Surya Desa"]),
        ("perlindungan_sosial", ["Bantuan Pangan Keluarga", "Rumah Layak Huni"]),
    ];

    public static readonly string[] TransmigrationKinds = ["SKP", "KPB", "UPT"];

    public static readonly string[] TransmigrationStatuses = ["pembinaan", "pengembangan", "diserahkan ke pemda"];

    /// <summary>Programme status is judged against this fixed date, not today, so the output never depends on the clock.</summary>
    public static readonly DateOnly ReferenceDate = new(2025, 6, 30);

    /// <summary>The indicator years generated.</summary>
    public static readonly int[] Years = [2023, 2024];
}
