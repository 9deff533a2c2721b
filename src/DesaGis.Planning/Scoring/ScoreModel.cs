using DesaGis.Planning.Criteria;
using DesaGis.Planning.Results;
using DesaGis.Planning.Villages;

namespace DesaGis.Planning.Scoring;

/// <summary>
/// The criteria of a run evaluated over the candidate villages: the value each criterion used for each village and
/// where it came from (measured, inherited, imputed or missing, by the criterion's <see cref="MissingRule"/>), values
/// normalised to 0–1 (direction applied), and the weighted score. Weights are divided by their sum, so scores lie in
/// [0, 1] and a village's contributions add up to its score exactly.
/// </summary>
public sealed class ScoreModel
{
    private readonly PlannerVillage[] _villages;
    private readonly double[][] _raw;
    private readonly double[][] _normalised;
    private readonly ValueSource[][] _source;
    private readonly string?[][] _level;
    private readonly int[][] _uncertain;
    private readonly double[][] _pool;

    private ScoreModel(IReadOnlyList<Criterion> criteria, PlannerVillage[] villages, double[][] raw, double[][] normalised,
        ValueSource[][] source, string?[][] level, bool[] used, bool[] informative, int[][] uncertain, double[][] pool)
    {
        Criteria = criteria;
        _villages = villages;
        _raw = raw;
        _normalised = normalised;
        _source = source;
        _level = level;
        _uncertain = uncertain;
        _pool = pool;
        Used = used;
        Informative = informative;
        BaseWeights = criteria.Select((c, i) => used[i] ? c.Weight : 0).ToArray();
        double sum = BaseWeights.Sum();
        Weights = BaseWeights.Select(w => sum > 0 ? w / sum : 0).ToArray();
        Scores = ScoresFor(Weights);
        NotEligible = new string?[villages.Length];
        for (int c = 0; c < criteria.Count; c++)
        {
            if (criteria[c].Missing != MissingRule.Exclude) continue;
            for (int i = 0; i < villages.Length; i++)
                if (source[c][i] == ValueSource.Missing && NotEligible[i] is null)
                    NotEligible[i] = $"has no {criteria[c].Id} value of its own (missing = exclude)";
        }
        var coverage = new CriterionCoverage[criteria.Count];
        for (int k = 0; k < criteria.Count; k++)
        {
            int measured = 0, inherited = 0;
            foreach (var s in source[k])
                if (s == ValueSource.Measured) measured++;
                else if (s == ValueSource.Inherited) inherited++;
            coverage[k] = new CriterionCoverage(criteria[k].Id, RuleName(criteria[k].Missing), villages.Length, measured, inherited,
                villages.Length - measured - inherited, used[k], informative[k], Math.Round(Weights[k], 6));
        }
        Coverage = coverage;
    }

    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>The weights divided by their sum (0 for a criterion set aside).</summary>
    public double[] Weights { get; }

    /// <summary>The weights as given, with 0 for a criterion set aside.</summary>
    public double[] BaseWeights { get; }

    /// <summary>Per criterion: false when it was set aside (rule neutral or parent with fewer than half the candidates covered).</summary>
    public bool[] Used { get; }

    /// <summary>Per criterion: false when nearly every candidate has the same value, so it cannot tell them apart.</summary>
    public bool[] Informative { get; }

    /// <summary>Per criterion: candidates with a measured value, an inherited one, or none.</summary>
    public IReadOnlyList<CriterionCoverage> Coverage { get; }

    /// <summary>Per village: why a criterion with rule exclude makes it ineligible, or null.</summary>
    public string?[] NotEligible { get; }

    /// <summary>The score of each village, in the order of the villages given.</summary>
    public double[] Scores { get; }

    /// <summary>Share of candidates that must share one value for a criterion to count as deciding nothing.</summary>
    public const double NearConstantShare = 0.9;

    public static string RuleName(MissingRule rule) => rule switch
    {
        MissingRule.Parent => "parent",
        MissingRule.Exclude => "exclude",
        MissingRule.Zero => "zero",
        _ => "neutral",
    };

    /// <summary>Where village <paramref name="i"/>'s value for criterion <paramref name="c"/> came from.</summary>
    public ValueSource Source(int c, int i) => _source[c][i];

    /// <summary>Evaluates the criteria over the villages.</summary>
    public static ScoreModel Build(IReadOnlyList<Criterion> criteria, PlannerVillage[] villages)
    {
        int n = villages.Length;
        var raw = new double[criteria.Count][];
        var norm = new double[criteria.Count][];
        var source = new ValueSource[criteria.Count][];
        var level = new string?[criteria.Count][];
        var used = new bool[criteria.Count];
        var informative = new bool[criteria.Count];
        var uncertain = new int[criteria.Count][];
        var pool = new double[criteria.Count][];
        for (int c = 0; c < criteria.Count; c++)
        {
            var criterion = criteria[c];
            var values = new double[n];
            var src = new ValueSource[n];
            var lvl = new string?[n];
            int known = 0;
            for (int i = 0; i < n; i++)
            {
                criterion.Values(villages[i], out double m, out double h, out string? from);
                if (!double.IsNaN(m)) { values[i] = m; src[i] = ValueSource.Measured; known++; }
                else if (criterion.Missing == MissingRule.Parent && !double.IsNaN(h))
                {
                    values[i] = h; src[i] = ValueSource.Inherited; lvl[i] = from; known++;
                }
                else { values[i] = double.NaN; src[i] = ValueSource.Missing; }
            }
            bool neutralLike = criterion.Missing is MissingRule.Neutral or MissingRule.Parent;
            // Too few values to stand for the rest: a median of a few (rarely a random few) would favour them.
            used[c] = !neutralLike || (known > 0 && 2 * known >= n);
            if (neutralLike && known > 0 && known < n)
            {
                double median = Median(values);
                for (int i = 0; i < n; i++)
                    if (src[i] == ValueSource.Missing) { values[i] = median; src[i] = ValueSource.Imputed; }
            }
            else if (neutralLike && known == 0)
                for (int i = 0; i < n; i++) src[i] = ValueSource.Imputed;
            raw[c] = values;
            source[c] = src;
            level[c] = lvl;
            norm[c] = Normalise(values, criterion.Normalisation, criterion.Direction);
            informative[c] = !NearlyConstant(values);
            // Values that are not measured are uncertain; with rule zero so is the 0 a missing value stands at (its true
            // value is unknown, and counting it 0 is what lets measured villages win).
            var unc = new List<int>();
            for (int i = 0; i < n; i++)
                if (src[i] is ValueSource.Inherited or ValueSource.Imputed
                    || (src[i] == ValueSource.Missing && criterion.Missing == MissingRule.Zero)) unc.Add(i);
            uncertain[c] = unc.ToArray();
            pool[c] = [];
            if (unc.Count > 0)
            {
                // Draws for a value that is not measured come from the measured ones (or, with none, from those used).
                var measuredNorm = new List<double>();
                var usedNorm = new List<double>();
                for (int i = 0; i < n; i++)
                {
                    if (src[i] == ValueSource.Measured) measuredNorm.Add(norm[c][i]);
                    if (src[i] is ValueSource.Measured or ValueSource.Inherited) usedNorm.Add(norm[c][i]);
                }
                pool[c] = measuredNorm.Count > 0 ? measuredNorm.ToArray() : usedNorm.ToArray();
            }
        }
        return new ScoreModel(criteria, villages, raw, norm, source, level, used, informative, uncertain, pool);
    }

    /// <summary>Scores under other weights (already summing to 1), for robustness draws.</summary>
    public double[] ScoresFor(double[] weights) => ScoresFor(weights, null);

    /// <summary>
    /// Scores under other weights; with <paramref name="rng"/>, every inherited or imputed value is replaced by a value
    /// drawn from the measured values of its criterion (the data's own uncertainty, not only the weights').
    /// </summary>
    public double[] ScoresFor(double[] weights, Random? rng)
    {
        var scores = new double[_villages.Length];
        for (int c = 0; c < weights.Length; c++)
        {
            double w = weights[c];
            if (w == 0) continue;
            var n = _normalised[c];
            for (int i = 0; i < scores.Length; i++) scores[i] += w * n[i];
            if (rng is null || _pool[c].Length == 0) continue;
            var pool = _pool[c];
            foreach (int i in _uncertain[c]) scores[i] += w * (pool[rng.Next(pool.Length)] - n[i]);
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
            var src = _source[c][i];
            string? note = src switch
            {
                ValueSource.Inherited => $"{_level[c][i] ?? "parent"} value",
                ValueSource.Imputed => Used[c] ? "median of the candidates" : "criterion set aside: too few values",
                ValueSource.Missing => Criteria[c].Missing == MissingRule.Exclude ? "no value: not eligible" : "no value: counts 0",
                _ => null,
            };
            list[c] = new CriterionContribution(Criteria[c].Id, double.IsNaN(raw) ? null : raw, _normalised[c][i], Weights[c],
                Weights[c] * _normalised[c][i], src != ValueSource.Measured, note)
            {
                Source = src.ToString().ToLowerInvariant(),
                FromLevel = src == ValueSource.Inherited ? _level[c][i] : null,
            };
        }
        return list;
    }

    /// <summary>The most frequent value criterion <paramref name="c"/> used, and how many candidates have it.</summary>
    public (double Value, int Count) Mode(int c)
    {
        var counts = new Dictionary<double, int>();
        (double Value, int Count) best = (double.NaN, 0);
        foreach (var v in _raw[c])
        {
            if (double.IsNaN(v)) continue;
            int k = counts[v] = counts.GetValueOrDefault(v) + 1;
            if (k > best.Count) best = (v, k);
        }
        return best;
    }

    private static double Median(double[] values)
    {
        var known = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(known);
        int m = known.Length / 2;
        return known.Length % 2 == 1 ? known[m] : (known[m - 1] + known[m]) / 2;
    }

    private static bool NearlyConstant(double[] values)
    {
        if (values.Length < 2) return false;
        // A value held by 90 % of the villages is the majority: find the majority candidate (Boyer–Moore), then count it.
        double candidate = double.NaN;
        int votes = 0, present = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            present++;
            if (votes == 0) { candidate = v; votes = 1; }
            else votes += v == candidate ? 1 : -1;
        }
        if (present == 0) return true;
        int count = 0;
        foreach (var v in values) if (v == candidate) count++;
        return count >= NearConstantShare * values.Length;
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
