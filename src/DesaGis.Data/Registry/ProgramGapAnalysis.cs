using DesaGis.Core.Codes;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Data.Registry;

/// <summary>
/// Gap and overlap analysis of the published programmes (desagis.program_gap): villages of high need without an
/// active programme, and villages where programmes of one sector pile up, with coverage by kecamatan, partner and sector.
/// </summary>
public sealed class ProgramGapAnalysis(NpgsqlDataSource dataSource)
{
    public async Task<ProgramGapReport> AnalyseAsync(string area, int year, string indicator, double? need, CancellationToken ct = default)
    {
        if (KemendagriCode.TryParse(area) is not { } code)
            throw RegistryException.Invalid("area",
                $"'{ProgramFields.Short(area, 20)}' bukan kode wilayah Kemendagri (mis. 52.03 untuk kabupaten, 52.03.02 untuk kecamatan).",
                $"'{ProgramFields.Short(area, 20)}' is not a Kemendagri region code (e.g. 52.03 for a kabupaten, 52.03.02 for a kecamatan).");
        if (year is < 1900 or > 2200)
            throw RegistryException.Invalid("year", "Tahun harus antara 1900 dan 2200.", "The year must be between 1900 and 2200.");
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        string nameId, nameEn, direction;
        await using (var cmd = new NpgsqlCommand(
            "SELECT name_id, name_en, direction, kind, 'desa' = ANY (levels) FROM desagis.indicator WHERE code = $1", conn))
        {
            cmd.Parameters.AddWithValue(indicator);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct))
                throw RegistryException.Invalid("indicator",
                    $"Indikator '{ProgramFields.Short(indicator, 40)}' tidak ada di katalog (lihat /indicators).",
                    $"There is no indicator '{ProgramFields.Short(indicator, 40)}' in the catalog (see /indicators).");
            (nameId, nameEn, direction) = (r.GetString(0), r.GetString(1), r.GetString(2));
            if (r.GetString(3) != "number" || !r.GetBoolean(4) || direction == "neutral")
                throw RegistryException.Invalid("indicator",
                    $"Indikator '{indicator}' tidak dapat mengukur kebutuhan desa: perlu angka tingkat desa yang arahnya (lebih tinggi lebih baik/buruk) diketahui.",
                    $"The indicator '{indicator}' cannot measure a village's need: it must be a village-level number whose direction (higher better or worse) is known.");
        }
        await using var gap = new NpgsqlCommand("SELECT * FROM desagis.program_gap($1, $2, $3, $4)", conn);
        gap.Parameters.AddWithValue(code.Dotted);
        gap.Parameters.AddWithValue(year);
        gap.Parameters.AddWithValue(indicator);
        gap.Parameters.Add(new NpgsqlParameter { Value = need is { } n ? n : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        var rows = new List<ProgramGapRow>();
        double? threshold = null;
        await using (var r = await gap.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                threshold ??= r.IsDBNull(8) ? null : r.GetDouble(8);
                rows.Add(new ProgramGapRow(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetDouble(6),
                    r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(9) ? null : r.GetBoolean(9), r.GetInt32(10),
                    r.GetFieldValue<string[]>(11), r.GetFieldValue<string[]>(12), r.GetFieldValue<string[]>(13), r.GetFieldValue<string[]>(14)));
            }
        }
        if (rows.Count == 0)
            throw new RegistryException(RegistryErrorKind.NotFound, "area", $"Tidak ada desa di wilayah {code.Dotted}.",
                $"There are no villages in area {code.Dotted}.");
        return new ProgramGapReport(code.Dotted, year, indicator, nameId, nameEn, direction, threshold, need is not null, rows);
    }
}
