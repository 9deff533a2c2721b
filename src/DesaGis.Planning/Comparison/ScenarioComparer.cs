using System.Text.Json;
using System.Text.Json.Nodes;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Results;

namespace DesaGis.Planning.Comparison;

/// <summary>Compares two results: which pilots differ, and why the other scenario did not pick them.</summary>
public static class ScenarioComparer
{
    public static ScenarioComparison Compare(ScenarioRef a, PlanResult resultA, ScenarioRef b, PlanResult resultB)
    {
        var inA = resultA.Selected.ToDictionary(s => s.Kode, StringComparer.Ordinal);
        var inB = resultB.Selected.ToDictionary(s => s.Kode, StringComparer.Ordinal);
        var both = resultA.Selected.Where(s => inB.ContainsKey(s.Kode))
            .Select(s => new SharedPilot(s.Kode, s.Nama, s.Rank, inB[s.Kode].Rank)).ToList();
        var onlyA = resultA.Selected.Where(s => !inB.ContainsKey(s.Kode))
            .Select(s => new DifferingPilot { Kode = s.Kode, Nama = s.Nama, RankA = s.Rank, WhyNotInOther = Why("b", s.Kode, resultB) }).ToList();
        var onlyB = resultB.Selected.Where(s => !inA.ContainsKey(s.Kode))
            .Select(s => new DifferingPilot { Kode = s.Kode, Nama = s.Nama, RankB = s.Rank, WhyNotInOther = Why("a", s.Kode, resultA) }).ToList();

        var coveredA = Reached(resultA);
        var coveredB = Reached(resultB);
        return new ScenarioComparison
        {
            A = a,
            B = b,
            InBoth = both,
            OnlyInA = onlyA,
            OnlyInB = onlyB,
            ParameterDifferences = Differences(resultA.Parameters, resultB.Parameters),
            CoveredA = coveredA.Count,
            CoveredB = coveredB.Count,
            CoveredOnlyInA = coveredA.Count(k => !coveredB.Contains(k)),
            CoveredOnlyInB = coveredB.Count(k => !coveredA.Contains(k)),
        };
    }

    private static HashSet<string> Reached(PlanResult r) =>
        new(r.Selected.Select(s => s.Kode).Concat(r.Covered.Select(c => c.Kode)), StringComparer.Ordinal);

    private static string Why(string side, string kode, PlanResult other)
    {
        if (other.RunnersUp.FirstOrDefault(r => r.Kode == kode) is { } runnerUp)
            return $"in {side}: {runnerUp.Detail}";
        if (other.Covered.FirstOrDefault(c => c.Kode == kode) is { } covered)
            return $"in {side}: already within reach of pilot {covered.PilotKode} ({Threshold.Fmt(covered.DistanceKm)} km), so not needed as a pilot";
        var pins = other.Parameters.Pins;
        if (pins?.Exclude?.Contains(kode) == true) return $"in {side}: excluded by a pin";
        if (other.Parameters.Area is { } area && area.Polygon is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) }
            && (area.Kabupaten is { Count: > 0 } || area.Kecamatan is { Count: > 0 })
            && area.Kabupaten?.Contains(kode[..5]) != true && area.Kecamatan?.Contains(kode[..8]) != true)
            return $"in {side}: outside {side}'s area ({string.Join(", ", (area.Kabupaten ?? []).Concat(area.Kecamatan ?? []))})";
        if (other.Method == "ranking" && other.RunnersUp.Count > 0)
            return $"in {side}: ranked below {side}'s pilots and runners-up (their lowest score is {Threshold.Fmt(Math.Round(other.RunnersUp.Min(r => r.Score), 3))})";
        if (other.Method == "reach" && other.RunnersUp.Count > 0)
            return $"in {side}: would add less to {side}'s reach than its runners-up (the last of them adds {Threshold.Fmt(Math.Round(other.RunnersUp.Min(r => r.MarginalGain ?? 0), 3))})";
        return $"in {side}: not among the nearest runners-up — a lower score or gain, or outside {side}'s pilot constraints";
    }

    /// <summary>Leaf-by-leaf differences of the two parameter documents.</summary>
    public static List<ParameterDifference> Differences(PlanRequest a, PlanRequest b)
    {
        var na = JsonSerializer.SerializeToNode(a, PlanRequest.JsonOptions);
        var nb = JsonSerializer.SerializeToNode(b, PlanRequest.JsonOptions);
        var list = new List<ParameterDifference>();
        Walk("", na, nb, list);
        return list;
    }

    private static void Walk(string path, JsonNode? a, JsonNode? b, List<ParameterDifference> list)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)).Order(StringComparer.Ordinal))
                Walk(path.Length == 0 ? key : $"{path}.{key}", oa[key], ob[key], list);
            return;
        }
        // Criteria are compared by id, so reordering them is not a difference.
        if (path == "criteria" && a is JsonArray ca && b is JsonArray cb)
        {
            var byIdA = ca.OfType<JsonObject>().ToDictionary(c => c["criterion"]?.GetValue<string>() ?? "");
            var byIdB = cb.OfType<JsonObject>().ToDictionary(c => c["criterion"]?.GetValue<string>() ?? "");
            foreach (var id in byIdA.Keys.Union(byIdB.Keys).Order(StringComparer.Ordinal))
                Walk($"criteria[{id}]", byIdA.GetValueOrDefault(id), byIdB.GetValueOrDefault(id), list);
            return;
        }
        if (!JsonNode.DeepEquals(a, b))
            list.Add(new ParameterDifference(path, a?.DeepClone(), b?.DeepClone()));
    }
}
