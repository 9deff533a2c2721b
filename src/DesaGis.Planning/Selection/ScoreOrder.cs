namespace DesaGis.Planning.Selection;

/// <summary>
/// Orders villages by descending score, ties by ascending index (codes are sorted, so ties go to the lower code).
/// Sorts on a key array rather than through a comparison delegate: on 83,000 villages that is several times faster.
/// </summary>
internal static class ScoreOrder
{
    public static int[] Descending(double[] scores, Func<int, bool>? include = null)
    {
        int n = 0;
        var items = new int[scores.Length];
        for (int i = 0; i < scores.Length; i++)
            if (include is null || include(i)) items[n++] = i;
        var keys = new double[n];
        for (int j = 0; j < n; j++) keys[j] = -scores[items[j]];
        Array.Resize(ref items, n);
        Array.Sort(keys, items);
        // The sort is not stable: put each run of equal scores back in index order.
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(items, start, end - start);
            start = end;
        }
        return items;
    }
}
