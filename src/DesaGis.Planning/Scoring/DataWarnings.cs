using System.Globalization;
using DesaGis.Planning.Criteria;
using DesaGis.Planning.Results;
using DesaGis.Planning.Selection;
using DesaGis.Planning.Villages;

namespace DesaGis.Planning.Scoring;

/// <summary>
/// Warnings about what the data can support: criteria that cover too few candidates, criteria that decide nothing,
/// pilots that lie where a sparse criterion has data, and pilots chosen by the tie-break rather than the data.
/// </summary>
internal static class DataWarnings
{
    public static IEnumerable<PlanWarning> ForCriteria(PlanContext ctx)
    {
        var model = ctx.Model;
        string lang = ctx.Parameters.Language;
        int n = ctx.Count;
        for (int c = 0; c < model.Criteria.Count; c++)
        {
            var criterion = model.Criteria[c];
            if (criterion.Weight == 0) continue;
            var cov = model.Coverage[c];
            int known = cov.Measured + cov.Inherited;
            string label = criterion.Label(lang);
            string pct = PlanText.Percent(n > 0 ? (double)known / n : 0);
            string have = cov.Inherited > 0
                ? PlanText.Pick(lang, $"{cov.Measured} nilai sendiri dan {cov.Inherited} warisan", $"{cov.Measured} own and {cov.Inherited} inherited values")
                : PlanText.Pick(lang, "nilai sendiri", "a value of their own");
            if (2 * known < n)
            {
                string tail = criterion.Missing switch
                {
                    MissingRule.Exclude => PlanText.Pick(lang,
                        $" Dengan missing = exclude hanya {known} desa itu yang dapat menjadi desa percontohan.",
                        $" With missing = exclude only those {known} villages can be pilots."),
                    MissingRule.Zero => PlanText.Pick(lang,
                        $" Dengan missing = zero, {n - known} desa lainnya dihitung bernilai terburuk, sehingga desa menang karena punya data, bukan karena membutuhkan.",
                        $" With missing = zero the other {n - known} count as the worst value, so villages win for having data, not for needing a pilot."),
                    _ => PlanText.Pick(lang,
                        " Kriteria ini tidak dipakai dalam skor: segelintir nilai tidak dapat mewakili desa lainnya. Pakai missing = exclude untuk memilih hanya di antara desa yang punya data.",
                        " It is left out of the score: a few values cannot stand for the rest. Use missing = exclude to choose among the villages with data only."),
                };
                yield return new("low-coverage", known == 0
                    ? PlanText.Pick(lang,
                        $"{label}: tidak satu pun dari {n} desa kandidat punya nilai sendiri.{tail}",
                        $"{label}: none of the {n} candidate villages has a value of its own.{tail}")
                    : PlanText.Pick(lang,
                        $"{label}: hanya {known} dari {n} desa kandidat ({pct}) punya {have}.{tail}",
                        $"{label}: only {known} of {n} candidate villages ({pct}) have {have}.{tail}"), criterion.Id);
            }
            else if (model.Used[c] && !model.Informative[c])
            {
                var (value, count) = model.Mode(c);
                string v = value.ToString("0.####", CultureInfo.InvariantCulture);
                yield return new("no-information", PlanText.Pick(lang,
                    $"{label} bernilai sama ({v}) untuk {count} dari {n} desa kandidat: kriteria ini tidak membedakan apa pun.",
                    $"{label} has the same value ({v}) for {count} of {n} candidate villages: it decides nothing."), criterion.Id);
            }
        }
        bool anyDeciding = Enumerable.Range(0, model.Criteria.Count).Any(c => model.Weights[c] > 0 && model.Informative[c]);
        if (!anyDeciding)
            yield return new("nothing-decides", PlanText.Pick(lang,
                "Tidak ada kriteria yang membedakan desa-desa kandidat: urutan dan pilihan ditentukan oleh pemecah seri (kode desa terendah), bukan oleh data.",
                "No criterion tells the candidate villages apart: the order and the choice come from the tie-break (lowest village code), not from the data."));
    }

    public static IEnumerable<PlanWarning> ForPilots(PlanContext ctx, IReadOnlyList<int> chosen, IReadOnlyDictionary<int, (int From, int To)> bands,
        double[] scores)
    {
        var model = ctx.Model;
        string lang = ctx.Parameters.Language;
        int n = ctx.Count;
        var free = chosen.Where(i => !ctx.Pinned[i]).ToList();
        for (int c = 0; c < model.Criteria.Count && free.Count > 0; c++)
        {
            var cov = model.Coverage[c];
            int known = cov.Measured + cov.Inherited;
            if (model.Weights[c] == 0 || 2 * known >= n || model.Criteria[c].Missing == MissingRule.Exclude) continue;
            int withData = free.Count(i => model.Source(c, i) is ValueSource.Measured or ValueSource.Inherited);
            if (2 * withData > free.Count && (double)withData / free.Count > (double)known / n)
                yield return new("pilots-follow-data", PlanText.Pick(lang,
                    $"{withData} dari {free.Count} desa percontohan ada di antara {known} desa yang punya nilai {model.Criteria[c].Label(lang)} ({PlanText.Percent((double)known / n)} kandidat): mereka terpilih karena punya data.",
                    $"{withData} of the {free.Count} pilots are among the {known} villages with a value for {model.Criteria[c].Label(lang)} ({PlanText.Percent((double)known / n)} of the candidates): they were chosen for having data."),
                    model.Criteria[c].Id);
        }
        foreach (var group in free.Where(bands.ContainsKey).GroupBy(i => bands[i]).OrderBy(g => g.Key.From))
        {
            int inBand = group.Key.To - group.Key.From + 1;
            int picked = group.Count();
            int left = inBand - chosen.Count(i => bands.TryGetValue(i, out var b) && b == group.Key);
            if (left <= 0) continue;
            string score = scores[group.First()].ToString("0.####", CultureInfo.InvariantCulture);
            yield return new("tie-break", PlanText.Pick(lang,
                $"{picked} desa percontohan berskor sama ({score}) dengan {left} desa lain yang tidak terpilih (peringkat {group.Key.From}–{group.Key.To}): pemecah seri (kode desa terendah) yang memilih, bukan data.",
                $"{picked} pilots share their score ({score}) with {left} villages that were not chosen (ranks {group.Key.From}–{group.Key.To}): the tie-break (lowest village code) chose them, not the data."));
        }
    }
}
