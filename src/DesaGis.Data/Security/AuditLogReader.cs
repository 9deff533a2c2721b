using System.Text.Json;
using Npgsql;

namespace DesaGis.Data.Security;

/// <summary>Reads the audit trail, newest first.</summary>
public sealed class AuditLogReader(NpgsqlDataSource dataSource)
{
    /// <summary>The newest <paramref name="limit"/> entries.</summary>
    public async Task<List<AuditEntry>> NewestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT id, at, actor, action, target, counts::text, details::text FROM desagis.audit_log ORDER BY id DESC LIMIT $1");
        cmd.Parameters.AddWithValue(limit);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                JsonDocument.Parse(reader.GetString(5)).RootElement,
                JsonDocument.Parse(reader.GetString(6)).RootElement));
        }
        return entries;
    }
}
