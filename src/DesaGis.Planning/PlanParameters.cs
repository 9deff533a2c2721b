using DesaGis.Planning.Criteria;
using DesaGis.Planning.Requests;
using NetTopologySuite.Geometries;

namespace DesaGis.Planning;

/// <summary>The validated parameters of a run; produced only by <see cref="PlanValidator"/>.</summary>
public sealed record PlanParameters
{
    public const int DefaultDraws = 200;
    public const int DefaultReachDraws = 20;

    public required PlanMethod Method { get; init; }
    public required int K { get; init; }
    public required IReadOnlyList<Criterion> Criteria { get; init; }

    public IReadOnlySet<string> AreaKabupaten { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> AreaKecamatan { get; init; } = new HashSet<string>();
    public Geometry? AreaPolygon { get; init; }

    /// <summary>Allowed IDM statuses for pilots; null = any.</summary>
    public IReadOnlySet<string>? IdmStatus { get; init; }
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];
    public int? MaxPerKecamatan { get; init; }
    public double? MinDistanceKm { get; init; }

    public double RadiusKm { get; init; } = 10;
    public ReachWeighting Weighting { get; init; } = ReachWeighting.Count;
    public bool Exact { get; init; }

    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlySet<string> Exclude { get; init; } = new HashSet<string>();

    public int Draws { get; init; } = DefaultDraws;
    public double Perturbation { get; init; } = 0.2;
    public int Seed { get; init; } = 42;
    public int RunnersUp { get; init; } = 5;

    /// <summary>"id" (Bahasa Indonesia, the default) or "en": the language of warnings.</summary>
    public string Language { get; init; } = "id";

    /// <summary>The request with every default filled in, as echoed in results and saved with scenarios.</summary>
    public required PlanRequest Normalised { get; init; }

    public bool HasArea => AreaKabupaten.Count > 0 || AreaKecamatan.Count > 0 || AreaPolygon is not null;
}
