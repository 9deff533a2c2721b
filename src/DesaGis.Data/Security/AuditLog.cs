using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Data.Security;

/// <summary>Writes the audit trail: who changed what, when, and how many rows. Called inside the writer's transaction.</summary>
public static class AuditLog
{
    public static async Task WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string actor,
        string action,
        string target,
        IReadOnlyDictionary<string, long>? counts = null,
        IReadOnlyDictionary<string, string?>? details = null,
        CancellationToken cancellationToken = default)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO desagis.audit_log (actor, action, target, counts, details) VALUES ($1, $2, $3, $4, $5)",
            connection, transaction);
        cmd.Parameters.AddWithValue(actor);
        cmd.Parameters.AddWithValue(action);
        cmd.Parameters.AddWithValue(target);
        cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(counts ?? new Dictionary<string, long>()), NpgsqlDbType = NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(details ?? new Dictionary<string, string?>()), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
