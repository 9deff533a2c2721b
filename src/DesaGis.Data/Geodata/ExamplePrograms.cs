using System.Text;

namespace DesaGis.Data.Geodata;

/// <summary>
/// The example partners and programmes of <c>geodata/contoh</c>. No public source lists who works in which village,
/// so these are invented, named "… (contoh)", coded <c>CONTOH-…</c>, and placed on real villages chosen by code
/// (the first villages of a named kecamatan), so that the map and the planner have programmes to show.
/// </summary>
internal static class ExamplePrograms
{
    private static readonly (string Kode, string Nama, string Kind)[] Partners =
    [
        ("CONTOH-MTR-1", "Dinas Pemberdayaan Masyarakat dan Desa (contoh)", "government"),
        ("CONTOH-MTR-2", "Yayasan Air Bersih Nusantara (contoh)", "ngo"),
        ("CONTOH-MTR-3", "Program Donor Ketahanan Pangan (contoh)", "donor"),
    ];

    // kode, nama, partner, sector, start, end, status, kecamatan, how many of its villages
    private static readonly (string Kode, string Nama, string Partner, string Sector, string Start, string End, string Status, string Kecamatan, int Villages)[] Programs =
    [
        ("CONTOH-PRG-1", "Air Bersih Desa Jerowaru (contoh)", "CONTOH-MTR-2", "air bersih", "2024-01-01", "2026-12-31", "active", "52.03.20", 6),
        ("CONTOH-PRG-2", "Sekolah Lapang Padi Pasang Surut (contoh)", "CONTOH-MTR-3", "pertanian", "2023-07-01", "2026-06-30", "active", "63.04.01", 5),
        ("CONTOH-PRG-3", "Pendampingan Desa Perbatasan (contoh)", "CONTOH-MTR-1", "pemberdayaan", "2022-01-01", "2024-12-31", "completed", "61.06.01", 4),
        ("CONTOH-PRG-4", "Perhutanan Sosial Desa Hutan (contoh)", "CONTOH-MTR-2", "kehutanan", "2025-01-01", "2027-12-31", "active", "61.04.01", 4),
    ];

    /// <summary>Writes partner.csv and program.csv (villages in a ';'-separated desa_kodes column).</summary>
    public static (int Programs, int Links, IReadOnlyList<string> Lines) Write(string directory, IReadOnlyList<(string Kode, string Nama)> villages)
    {
        var partners = new StringBuilder();
        GeodataDeriver.AppendRow(partners, ["kode", "nama", "kind"]);
        foreach (var p in Partners) GeodataDeriver.AppendRow(partners, [p.Kode, p.Nama, p.Kind]);
        File.WriteAllText(Path.Combine(directory, BundledGeodata.Partners), partners.ToString(), new UTF8Encoding(false));

        var programs = new StringBuilder();
        GeodataDeriver.AppendRow(programs, ["kode", "nama", "partner_kode", "sector", "start_date", "end_date", "status", "desa_kodes"]);
        int links = 0;
        var lines = new List<string>();
        foreach (var p in Programs)
        {
            var chosen = villages.Where(v => v.Kode.StartsWith(p.Kecamatan + ".", StringComparison.Ordinal)).Take(p.Villages).ToList();
            if (chosen.Count == 0) throw new InvalidOperationException($"No villages in kecamatan {p.Kecamatan} for {p.Kode}.");
            links += chosen.Count;
            GeodataDeriver.AppendRow(programs, [p.Kode, p.Nama, p.Partner, p.Sector, p.Start, p.End, p.Status, string.Join(';', chosen.Select(v => v.Kode))]);
            lines.Add($"- `{p.Kode}` {p.Nama}: {string.Join(", ", chosen.Select(v => $"{v.Nama} ({v.Kode})"))}");
        }
        File.WriteAllText(Path.Combine(directory, BundledGeodata.Programs), programs.ToString(), new UTF8Encoding(false));
        return (Programs.Length, links, lines);
    }
}
