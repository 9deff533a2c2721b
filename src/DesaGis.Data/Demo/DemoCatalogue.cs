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
    /// Centres of the synthetic provinces, on land-like spots of the archipelago at least 3.25° apart, so that
    /// provinces (at most about 1.4° from their centre) never meet. The first is in
    /// Central/South Kalimantan, where the single-province demo dataset lies.
    /// </summary>
    public static readonly (double X, double Y)[] Anchors =
    [
        (114.5, -2.5), (110.6, 0.0), (113.9, 1.0), (117.0, 2.6), (117.9, -0.8), // Kalimantan
        (96.0, 4.4), (98.7, 2.3), (101.2, 0.1), (103.4, -2.4), (105.0, -5.3), // Sumatra
        (107.9, -7.1), (111.3, -7.5), // Java
        (115.3, -8.6), (118.6, -8.9), (122.0, -9.3), // Nusa Tenggara
        (121.3, -1.6), (120.3, -5.0), (124.3, 0.8), (123.8, -4.2), // Sulawesi
        (127.7, 0.9), (128.6, -3.2), (131.6, -6.3), // Maluku
        (132.2, -1.4), (135.6, -2.4), (139.0, -3.2), (135.6, -6.0), (139.3, -7.0), // Papua
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
