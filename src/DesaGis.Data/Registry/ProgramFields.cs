using System.Text.RegularExpressions;
using DesaGis.Core.Codes;

namespace DesaGis.Data.Registry;

/// <summary>The checks of a programme's own fields that need no database, each naming the field at fault.</summary>
public static partial class ProgramFields
{
    public static readonly IReadOnlyList<string> Statuses = ["planned", "active", "completed", "suspended"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex KodePattern();

    /// <summary>Whether a text can be a programme code (letters, digits, '.', '_' and '-', at most 64).</summary>
    public static bool IsKode(string kode) => KodePattern().IsMatch(kode);

    /// <summary>The programme with its fields checked and normalised (village codes dotted, status defaulted).</summary>
    public static ProgramInput Check(ProgramInput input)
    {
        if (input.Kode is { } kode && !IsKode(kode))
            throw RegistryException.Invalid("kode",
                $"Kode program '{Short(kode)}' tidak valid: gunakan huruf, angka, '.', '_' atau '-', paling banyak 64 karakter.",
                $"The programme code '{Short(kode)}' is not valid: use letters, digits, '.', '_' or '-', at most 64 characters.");
        var nama = input.Nama?.Trim();
        if (string.IsNullOrEmpty(nama))
            throw RegistryException.Invalid("nama", "Nama program wajib diisi.", "The programme needs a name (nama).");
        if (nama.Length > 300)
            throw RegistryException.Invalid("nama", "Nama program paling banyak 300 karakter.", "The programme name (nama) is at most 300 characters.");
        var sector = input.Sector?.Trim();
        if (string.IsNullOrEmpty(sector))
            throw RegistryException.Invalid("sector", "Sektor program wajib diisi (mis. air bersih, pendidikan).",
                "The programme needs a sector (e.g. air bersih, pendidikan).");
        if (sector.Length > 100)
            throw RegistryException.Invalid("sector", "Sektor paling banyak 100 karakter.", "The sector is at most 100 characters.");
        var status = input.Status?.Trim() ?? "active";
        if (!Statuses.Contains(status))
            throw RegistryException.Invalid("status",
                $"Status '{Short(status)}' tidak dikenal; gunakan salah satu dari {string.Join(", ", Statuses)}.",
                $"The status '{Short(status)}' is unknown; use one of {string.Join(", ", Statuses)}.");
        if (input.StartDate is { } start && input.EndDate is { } end && end < start)
            throw RegistryException.Invalid("end_date",
                $"Tanggal selesai {end:yyyy-MM-dd} sebelum tanggal mulai {start:yyyy-MM-dd}.",
                $"The end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}.");
        if (input.Budget is < 0)
            throw RegistryException.Invalid("budget", "Anggaran tidak boleh negatif.", "The budget cannot be negative.");

        var kodes = new List<string>();
        var bad = new List<string>();
        foreach (var raw in input.DesaKodes)
        {
            if (KemendagriCode.TryParse(raw ?? "") is { Level: AdminLevel.Desa } code) { if (!kodes.Contains(code.Dotted)) kodes.Add(code.Dotted); }
            else bad.Add(Short(raw ?? "", 20));
        }
        if (bad.Count > 0)
            throw RegistryException.Invalid("desa_kodes",
                $"Bukan kode desa Kemendagri (mis. 52.03.02.2001): {string.Join(", ", bad.Take(10))}.",
                $"Not a Kemendagri village code (e.g. 52.03.02.2001): {string.Join(", ", bad.Take(10))}.", bad);
        if (kodes.Count > 10000)
            throw RegistryException.Invalid("desa_kodes", "Paling banyak 10.000 desa per program.", "At most 10,000 villages per programme.");
        if (kodes.Count == 0 && input.GeometryJson is null)
            throw RegistryException.Invalid("desa_kodes",
                "Tentukan cakupan program: daftar kode desa (desa_kodes), poligon (geometry), atau keduanya.",
                "Give the programme's coverage: village codes (desa_kodes), a polygon (geometry), or both.");
        return input with { Nama = nama, Sector = sector, Status = status, DesaKodes = kodes };
    }

    internal static string Short(string text, int max = 64) => text.Length <= max ? text : text[..max] + "…";
}
