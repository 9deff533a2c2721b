using DesaGis.Planning.Criteria;
using DesaGis.Planning.Results;
using DesaGis.Planning.Villages;

namespace DesaGis.Planning.Scoring;

/// <summary>
/// The criteria of a run evaluated over the candidate villages: raw values, values normalised to 0–1 (direction
/// applied), and the weighted score. Weights are divided by their sum, so scores lie in [0, 1] and a village's
/// contributions add up to its score exactly.
/// </summary>
public sealed class ScoreModel
{
    private readonly PlannerVillage[] _villages;
    private readonly double[][] _raw;
    private readonly double[][] _normalised;

    private ScoreModel(IReadOnlyList<Criterion> criteria, PlannerVillage[] villages, double[][] raw, double[][] normalised)
    {
        Criteria = criteria;
        _villages = villages;
        _raw = raw;
        _normalised = normalised;
        double sum = criteria.Sum(c => c.Weight);
        Weights = criteria.Select(c => sum > 0 ? c.Weight / sum : 0).ToArray();
        Scores = ScoresFor(Weights);
    }

    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>The weights divided by their sum.</summary>
    public double[] Weights { get; }

    /// <summary>The score of each village, in the order of the villages given.</summary>
    public double[] Scores { get; }

    /// <summary>Evaluates the criteria over the villages.</summary>
    public static ScoreModel Build(IReadOnlyList<Criterion> criteria, PlannerVillage[] villages)
    {
        var raw = new double[criteria.Count][];
        var norm = new double[criteria.Count][];
        for (int c = 0; c < criteria.Count; c++)
        {
            var values = new double[villages.Length];
            for (int i = 0; i < villages.Length; i++) values[i] = criteria[c].RawValue(villages[i]) ?? double.NaN;
            raw[c] = values;
            norm[c] = Normalise(values, criteria[c].Normalisation, criteria[c].Direction);
        }
        return new ScoreModel(criteria, villages, raw, norm);
    }

    /// <summary>Scores under other weights (already summing to 1), for robustness draws.</summary>
    public double[] ScoresFor(double[] weights)
    {
        var scores = new double[_villages.Length];
        for (int c = 0; c < weights.Length; c++)
        {
            double w = weights[c];
            if (w == 0) continue;
            var n = _normalised[c];
            for (int i = 0; i < scores.Length; i++) scores[i] += w * n[i];
        }
        return scores;
    }

    /// <summary>Each criterion's contribution to village <paramref name="i"/>'s score.</summary>
    public IReadOnlyList<CriterionContribution> Explain(int i)
    {
        var list = new CriterionContribution[Criteria.Count];
        for (int c = 0; c < Criteria.Count; c++)
        {
            double raw = _raw[c][i];
            bool missing = double.IsNaN(raw);
            list[c] = new CriterionContribution(Criteria[c].Id, missing ? null : raw, _normalised[c][i], Weights[c],
                Weights[c] * _normalised[c][i], missing, Criteria[c].Note(_villages[i]));
        }
        return list;
    }

    /// <summary>Maps raw values to 0–1; missing values (NaN) get 0, so they never lift a village.</summary>
    internal static double[] Normalise(double[] values, Normalisation normalisation, Direction direction)
    {
        var result = new double[values.Length];
        if (normalisation == Normalisation.MinMax)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var v in values)
                if (!double.IsNaN(v)) { min = Math.Min(min, v); max = Math.Max(max, v); }
            for (int i = 0; i < values.Length; i++)
            {
                if (double.IsNaN(values[i])) continue;
                // All equal: every village is as good as the best on this criterion, whatever the direction.
                double n = max > min ? (values[i] - min) / (max - min) : 1;
                result[i] = max > min && direction == Direction.Cost ? 1 - n : n;
            }
            return result;
        }
        int count = 0;
        var present = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
            if (!double.IsNaN(values[i])) present[count++] = i;
        Array.Resize(ref present, count);
        var keys = new double[count];
        for (int j = 0; j < count; j++) keys[j] = values[present[j]];
        Array.Sort(keys, present);
        for (int start = 0; start < count;)
        {
            int end = start;
            while (end + 1 < count && values[present[end + 1]] == values[present[start]]) end++;
            // Ties share their mean rank, so equal values always get equal normalised values.
            double meanRank = (start + end) / 2.0;
            double n = count > 1 ? meanRank / (count - 1) : 1;
            bool allEqual = start == 0 && end == count - 1;
            for (int j = start; j <= end; j++)
                result[present[j]] = allEqual ? 1 : direction == Direction.Cost ? 1 - n : n;
            start = end + 1;
        }
        return result;
    }
}
