namespace DesaGis.Data.Registry;

/// <summary>
/// A programme as a partner sends it (the properties and geometry of a GeoJSON feature), already read into types
/// at the HTTP edge. Coverage is given as village codes, a polygon (GeoJSON text, CRS84), or both.
/// </summary>
public sealed record ProgramInput
{
    /// <summary>The programme code; null on create lets the server choose one.</summary>
    public string? Kode { get; init; }

    public string? Nama { get; init; }

    /// <summary>The partner's code: a partner's own (implied when absent); a reviewer names it.</summary>
    public string? PartnerKode { get; init; }

    public string? Sector { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    /// <summary>planned, active, completed or suspended; active when absent.</summary>
    public string? Status { get; init; }

    /// <summary>Budget in rupiah, when given.</summary>
    public decimal? Budget { get; init; }

    /// <summary>Covered villages by Kemendagri code (dotted or 10 digits).</summary>
    public IReadOnlyList<string> DesaKodes { get; init; } = [];

    /// <summary>The drawn coverage polygon as GeoJSON geometry text, or null.</summary>
    public string? GeometryJson { get; init; }
}
