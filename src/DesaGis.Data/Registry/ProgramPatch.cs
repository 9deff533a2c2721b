namespace DesaGis.Data.Registry;

/// <summary>
/// A partial update (JSON Merge Patch of the feature): only the members present change; a member given as null
/// clears an optional field. <see cref="Has"/> says which members were present.
/// </summary>
public sealed record ProgramPatch(ProgramInput Values, IReadOnlySet<string> Has)
{
    /// <summary>The feature member names a patch may carry.</summary>
    public const string Nama = "nama", Sector = "sector", StartDate = "start_date", EndDate = "end_date", Status = "status",
        Budget = "budget", DesaKodes = "desa_kodes", Geometry = "geometry", PartnerKode = "partner_kode";

    /// <summary>The full programme after applying this patch to a version of it.</summary>
    public ProgramInput ApplyTo(ProgramInput current) => new()
    {
        Kode = current.Kode,
        Nama = Has.Contains(Nama) ? Values.Nama : current.Nama,
        PartnerKode = Has.Contains(PartnerKode) ? Values.PartnerKode : current.PartnerKode,
        Sector = Has.Contains(Sector) ? Values.Sector : current.Sector,
        StartDate = Has.Contains(StartDate) ? Values.StartDate : current.StartDate,
        EndDate = Has.Contains(EndDate) ? Values.EndDate : current.EndDate,
        Status = Has.Contains(Status) ? Values.Status : current.Status,
        Budget = Has.Contains(Budget) ? Values.Budget : current.Budget,
        DesaKodes = Has.Contains(DesaKodes) ? Values.DesaKodes : current.DesaKodes,
        GeometryJson = Has.Contains(Geometry) ? Values.GeometryJson : current.GeometryJson,
    };
}
