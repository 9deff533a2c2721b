using DesaGis.Testing;
using Npgsql;

namespace DesaGis.Integration.Tests.Hostile;

/// <summary>Row counts and content checksums of every table in the desagis schema, to prove nothing changed.</summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(PostgisDatabase db)
    {
        var tables = new List<string>();
        await using (var list = db.DataSource.CreateCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'desagis' AND table_type = 'BASE TABLE' ORDER BY 1"))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // Table names come from the catalog query above, quoted by the one helper.
            await using var cmd = db.DataSource.CreateCommand(
                $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {DesaGis.Data.Sql.SqlIdentifier.Quote("desagis", table)} t");
            result[table] = (string)(await cmd.ExecuteScalarAsync())!;
        }
        return new DatabaseSnapshot(result);
    }

    /// <summary>Tables whose content differs from another snapshot's.</summary>
    public IEnumerable<string> DifferencesFrom(DatabaseSnapshot other) =>
        Tables.Keys.Union(other.Tables.Keys).Where(t => Tables.GetValueOrDefault(t) != other.Tables.GetValueOrDefault(t));
}
