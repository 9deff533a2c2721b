using DesaGis.Planning.Geo;
using DesaGis.Planning.Villages;

namespace DesaGis.Planning.Selection;

/// <summary>
/// The quotas checked while choosing: at most N pilots per kecamatan and a minimum distance between pilots.
/// Tracks the pilots chosen so far; both constraints only get tighter as pilots are added.
/// </summary>
internal sealed class PilotConstraints(PlannerVillage[] villages, int? maxPerKecamatan, double? minDistanceKm)
{
    private readonly Dictionary<string, int> _perKecamatan = new(StringComparer.Ordinal);
    private readonly List<int> _chosen = [];

    public IReadOnlyList<int> Chosen => _chosen;

    /// <summary>Null when <paramref name="i"/> may be added (ignoring pilot <paramref name="without"/>), else why not.</summary>
    public string? Blocks(int i, int without = -1)
    {
        var v = villages[i];
        if (maxPerKecamatan is int max)
        {
            int n = _perKecamatan.GetValueOrDefault(v.KecamatanKode);
            if (without >= 0 && villages[without].KecamatanKode == v.KecamatanKode) n--;
            if (n >= max)
                return $"kecamatan {v.KecamatanKode} already has {n} pilot{(n == 1 ? "" : "s")} (maxPerKecamatan = {max})";
        }
        if (minDistanceKm is double min)
        {
            foreach (int j in _chosen)
            {
                if (j == without || j == i) continue;
                double d = GeoDistance.Km(v.Lon, v.Lat, villages[j].Lon, villages[j].Lat);
                if (d < min)
                    return $"only {Threshold.Fmt(Math.Round(d, 2))} km from pilot {villages[j].Kode} {villages[j].Nama} (minDistanceKm = {Threshold.Fmt(min)})";
            }
        }
        return null;
    }

    public void Add(int i)
    {
        _chosen.Add(i);
        _perKecamatan[villages[i].KecamatanKode] = _perKecamatan.GetValueOrDefault(villages[i].KecamatanKode) + 1;
    }

    public void Replace(int old, int replacement)
    {
        int at = _chosen.IndexOf(old);
        _chosen[at] = replacement;
        _perKecamatan[villages[old].KecamatanKode]--;
        _perKecamatan[villages[replacement].KecamatanKode] = _perKecamatan.GetValueOrDefault(villages[replacement].KecamatanKode) + 1;
    }
}
