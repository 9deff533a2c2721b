using System.Data;
using System.Runtime.CompilerServices;
using DesaGis.Core;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;
using DesaGis.Data.Catalog;
using Npgsql;

namespace DesaGis.Data.Features;

/// <summary>
/// Reads features of the catalog's layers from PostGIS. Rows are yielded one at a time as they arrive, so a
/// caller that writes each one out serves any page size in bounded memory.
/// </summary>
public sealed class FeatureStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly Dictionary<string, LayerSql> _layers;

    public FeatureStore(NpgsqlDataSource dataSource, LayerCatalog catalog)
    {
        _dataSource = dataSource;
        _layers = catalog.Layers.ToDictionary(l => l.Id, l => new LayerSql(l), StringComparer.Ordinal);
    }

    public LayerSql Sql(LayerDefinition layer) =>
        _layers.TryGetValue(layer.Id, out var sql) ? sql : throw new ArgumentException($"'{layer.Id}' is not in the catalog.", nameof(layer));

    public async Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        var text = FeatureSqlBuilder.Count(Sql(query.Layer), query);
        await using var cmd = text.CreateCommand(_dataSource);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The page of features the query asks for, streamed.</summary>
    public async IAsyncEnumerable<FeatureRecord> StreamAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = FeatureSqlBuilder.Items(Sql(query.Layer), query);
        int n = query.SelectedProperties.Count;
        await using var cmd = text.CreateCommand(_dataSource);
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return await ReadAsync(reader, n, cancellationToken);
    }

    /// <summary>One feature with all its properties, or null when there is none with that id.</summary>
    public async Task<FeatureRecord?> GetAsync(LayerDefinition layer, string id, CrsDefinition crs, CancellationToken cancellationToken)
    {
        var text = FeatureSqlBuilder.ById(Sql(layer), id, crs);
        await using var cmd = text.CreateCommand(_dataSource);
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? await ReadAsync(reader, layer.Properties.Count, cancellationToken) : null;
    }

    public async Task<CollectionExtent> ExtentAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand(Sql(layer).ExtentSql);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new CollectionExtent(null, null, null);
        BoundingBox? box = reader.IsDBNull(0) ? null
            : new BoundingBox(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
        return new CollectionExtent(box,
            reader.IsDBNull(4) ? null : reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetInt32(5));
    }

    private static async Task<FeatureRecord> ReadAsync(NpgsqlDataReader reader, int propertyCount, CancellationToken ct)
    {
        var id = await reader.GetFieldValueAsync<object>(0, ct);
        var values = new object?[propertyCount];
        for (int i = 0; i < propertyCount; i++)
            values[i] = await reader.IsDBNullAsync(i + 1, ct) ? null : await reader.GetFieldValueAsync<object>(i + 1, ct);
        var geometry = await reader.IsDBNullAsync(propertyCount + 1, ct) ? null : await reader.GetFieldValueAsync<string>(propertyCount + 1, ct);
        return new FeatureRecord(id, values, geometry);
    }
}
