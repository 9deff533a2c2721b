using Npgsql;

namespace DesaGis.Data.Registry;

/// <summary>The SQL that reads programme versions, shared by the registry's queries.</summary>
internal static class ProgramRevisionReader
{
    /// <summary>The columns <see cref="ReadAsync"/> reads, from program_revision r joined to partner pa.</summary>
    public const string RevisionColumns = """
        r.program_kode, r.revision, pa.kode, pa.nama, r.operation, r.state, r.nama, r.sector, r.start_date, r.end_date,
        r.status, r.budget, r.desa_kodes, ST_AsGeoJSON(r.geom, 7), ST_AsGeoJSON(r.footprint, 7), r.geometry_note,
        r.author, r.created_at, r.reviewer, r.reviewed_at, r.review_comment, r.published_at
        """;

    public const string RevisionFrom = " FROM desagis.program_revision r JOIN desagis.partner pa ON pa.id = r.partner_id ";

    /// <summary>
    /// A programme written by a file import and never through the registry, read as its version 1 (the baseline),
    /// from program p joined to partner pa.
    /// </summary>
    public const string BaselineColumns = """
        p.kode, COALESCE(p.revision, 1), pa.kode, pa.nama, 'baseline'::text, 'published'::text, p.nama, p.sector,
        p.start_date, p.end_date, p.status, p.budget,
        ARRAY(SELECT pv.desa_kode FROM desagis.program_village pv WHERE pv.program_id = p.id ORDER BY 1),
        ST_AsGeoJSON(p.geom, 7), ST_AsGeoJSON(p.footprint, 7), NULL::text, 'import'::text, p.updated_at,
        NULL::text, NULL::timestamptz, NULL::text, p.updated_at
        """;

    public const string BaselineFrom = " FROM desagis.program p JOIN desagis.partner pa ON pa.id = p.partner_id ";

    public static async Task<ProgramRevision> ReadAsync(NpgsqlDataReader r, CancellationToken ct) => new()
    {
        Kode = r.GetString(0),
        Revision = r.GetInt32(1),
        PartnerKode = r.GetString(2),
        PartnerNama = r.GetString(3),
        Operation = r.GetString(4),
        State = r.GetString(5),
        Nama = r.GetString(6),
        Sector = r.GetString(7),
        StartDate = await r.IsDBNullAsync(8, ct) ? null : r.GetFieldValue<DateOnly>(8),
        EndDate = await r.IsDBNullAsync(9, ct) ? null : r.GetFieldValue<DateOnly>(9),
        Status = r.GetString(10),
        Budget = await r.IsDBNullAsync(11, ct) ? null : r.GetDecimal(11),
        DesaKodes = r.GetFieldValue<string[]>(12),
        GeometryJson = await r.IsDBNullAsync(13, ct) ? null : r.GetString(13),
        FootprintJson = await r.IsDBNullAsync(14, ct) ? null : r.GetString(14),
        GeometryNote = await r.IsDBNullAsync(15, ct) ? null : r.GetString(15),
        Author = r.GetString(16),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(17),
        Reviewer = await r.IsDBNullAsync(18, ct) ? null : r.GetString(18),
        ReviewedAt = await r.IsDBNullAsync(19, ct) ? null : r.GetFieldValue<DateTimeOffset>(19),
        ReviewComment = await r.IsDBNullAsync(20, ct) ? null : r.GetString(20),
        PublishedAt = await r.IsDBNullAsync(21, ct) ? null : r.GetFieldValue<DateTimeOffset>(21),
    };

    public static async Task<List<ProgramRevision>> ReadAllAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<ProgramRevision>();
        while (await reader.ReadAsync(ct)) list.Add(await ReadAsync(reader, ct));
        return list;
    }
}
