namespace DesaGis.Data.Registry;

/// <summary>
/// One version of a programme in the registry: its attributes, coverage and footprint, who wrote it and when, and
/// where it stands in review. <see cref="Revision"/> is the programme's version number and its ETag.
/// </summary>
public sealed record ProgramRevision
{
    public required string Kode { get; init; }
    public required int Revision { get; init; }
    public required string PartnerKode { get; init; }
    public required string PartnerNama { get; init; }

    /// <summary>baseline, create, replace, update or delete.</summary>
    public required string Operation { get; init; }

    /// <summary>draft, returned, superseded or published.</summary>
    public required string State { get; init; }

    public required string Nama { get; init; }
    public required string Sector { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public required string Status { get; init; }
    public decimal? Budget { get; init; }
    public IReadOnlyList<string> DesaKodes { get; init; } = [];

    /// <summary>The drawn polygon (GeoJSON), if the partner gave one.</summary>
    public string? GeometryJson { get; init; }

    /// <summary>The footprint this version puts on the map (GeoJSON).</summary>
    public string? FootprintJson { get; init; }

    /// <summary>What was done to the given geometry (e.g. the repair of a self-intersection), if anything.</summary>
    public string? GeometryNote { get; init; }

    public required string Author { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? Reviewer { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public string? ReviewComment { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Whether this version ends the programme (removes it from the map).</summary>
    public bool IsDeletion => Operation == "delete";

    /// <summary>The version as input for a partial update.</summary>
    public ProgramInput AsInput() => new()
    {
        Kode = Kode, Nama = Nama, PartnerKode = PartnerKode, Sector = Sector, StartDate = StartDate, EndDate = EndDate,
        Status = Status, Budget = Budget, DesaKodes = DesaKodes, GeometryJson = GeometryJson,
    };
}
