using System.Data;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DesaGis.Core;
using Npgsql;

namespace DesaGis.Data.Features;

/// <summary>
/// Finds villages by name or Kemendagri code for the viewer's search box: names compared on a folded key
/// (case, accents, spaces and punctuation ignored), codes by prefix in dotted or 10-digit form; exact names first.
/// </summary>
public sealed partial class VillageSearch(NpgsqlDataSource dataSource)
{
    /// <summary>The properties of each result, in the order of <see cref="FeatureRecord.Values"/>.</summary>
    public static readonly IReadOnlyList<string> PropertyNames =
    [
        "kode", "nama", "jenis", "kecamatan_kode", "kecamatan_nama", "kabupaten_kode", "kabupaten_nama", "provinsi_kode",
        "poverty_rate", "idm_status", "program_count", "in_transmigration_area",
    ];

    // $1 the query, $2 its digits when it is shaped like a code (else ''), $3 the limit. The conditions are written on
    // the parameters themselves, so that the indexes of migration 0065 serve them.
    private const string Select = """
        SELECT v.kode, v.kode, v.nama, v.jenis, v.kecamatan_kode, v.kecamatan_nama, v.kabupaten_kode, v.kabupaten_nama,
               v.provinsi_kode, v.poverty_rate, v.idm_status, v.program_count, v.in_transmigration_area,
               ST_AsGeoJSON(v.geom, 7, 0), ST_XMin(v.geom), ST_YMin(v.geom), ST_XMax(v.geom), ST_YMax(v.geom)
          FROM desagis.village_indicators v
         WHERE
        """;

    // Three letters or more: anywhere in the name (a trigram index finds them). Fewer: the start of the name, since
    // one or two letters occur in most names and would list villages at random.
    private const string NameAnywhere = "(desagis.search_key($1) <> '' AND desagis.search_key(v.nama) LIKE '%' || desagis.search_key($1) || '%')";
    private const string NameStart = "(desagis.search_key($1) <> '' AND desagis.search_key(v.nama) LIKE desagis.search_key($1) || '%')";
    private const string CodePrefix = " OR v.kode10 LIKE $2 || '%'";

    private const string Order = """

         ORDER BY CASE WHEN lower(v.nama) = lower(btrim($1)) THEN 0
                       WHEN desagis.search_key(v.nama) = desagis.search_key($1) THEN 1
                       WHEN $2 <> '' AND v.kode10 = $2 THEN 1
                       WHEN $2 <> '' AND v.kode10 LIKE $2 || '%' THEN 2
                       WHEN desagis.search_key(v.nama) LIKE desagis.search_key($1) || '%' THEN 3
                       ELSE 4 END,
                  -- A code-shaped query lists codes in order; a name query prefers the shortest names.
                  CASE WHEN $2 <> '' THEN v.kode10 END, length(v.nama), v.nama, v.kode
         LIMIT $3
        """;

    /// <summary>True when the query has something to match (a letter or a digit).</summary>
    public static bool IsSearchable(string q) => q.Any(char.IsLetterOrDigit);

    public async IAsyncEnumerable<FeatureRecord> SearchAsync(string q, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        q = q.Trim();
        // Only something shaped like a code (digits, optionally dotted) is matched as a code prefix.
        var digits = CodePattern().IsMatch(q) ? q.Replace(".", "", StringComparison.Ordinal) : "";
        string where = (q.Count(char.IsLetterOrDigit) >= 3 ? NameAnywhere : NameStart) + (digits.Length > 0 ? CodePrefix : "");
        await using var cmd = dataSource.CreateCommand(Select + where + Order);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = q });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = digits });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (long)limit });
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        int n = PropertyNames.Count;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = await reader.GetFieldValueAsync<object>(0, cancellationToken);
            var values = new object?[n];
            for (int i = 0; i < n; i++)
                values[i] = await reader.IsDBNullAsync(i + 1, cancellationToken) ? null : await reader.GetFieldValueAsync<object>(i + 1, cancellationToken);
            string? geometry = null;
            BoundingBox? box = null;
            if (!await reader.IsDBNullAsync(n + 1, cancellationToken))
            {
                geometry = await reader.GetFieldValueAsync<string>(n + 1, cancellationToken);
                box = new BoundingBox(
                    await reader.GetFieldValueAsync<double>(n + 2, cancellationToken), await reader.GetFieldValueAsync<double>(n + 3, cancellationToken),
                    await reader.GetFieldValueAsync<double>(n + 4, cancellationToken), await reader.GetFieldValueAsync<double>(n + 5, cancellationToken));
            }
            yield return new FeatureRecord(id, values, geometry, box);
        }
    }

    [GeneratedRegex(@"^\d{2}(\.?\d{1,2}(\.?\d{1,2}(\.?\d{1,4})?)?)?$|^\d{1,2}$")]
    private static partial Regex CodePattern();
}
