using DesaGis.Planning.Criteria;
using Npgsql;

namespace DesaGis.Data.Planning;

/// <summary>The indicator catalog as planner criteria: every indicator, its names and its direction.</summary>
public static class PlannerIndicatorCatalog
{
    private const string Sql = "SELECT code, name_id, name_en, direction FROM desagis.indicator ORDER BY position";

    public static async Task<List<IndicatorDefinition>> LoadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(Sql);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<IndicatorDefinition>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new IndicatorDefinition(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3) switch
            {
                // Where an indicator is worse, a pilot is needed more.
                "higher_worse" => Direction.Benefit,
                "higher_better" => Direction.Cost,
                _ => null,
            }));
        return list;
    }
}
