using Npgsql;

namespace DesaGis.Data.Security;

/// <summary>
/// Runs a write in one transaction of its own and, unless it is a dry run, commits it together with its audit entry:
/// the rows and their record are kept together, or neither is.
/// </summary>
public static class AuditedWrite
{
    /// <summary>
    /// Runs <paramref name="write"/>; on a dry run rolls it back, else writes the entry <paramref name="audit"/> makes of
    /// its result (none when it gives null) and commits. Any failure rolls everything back.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        NpgsqlDataSource dataSource,
        bool dryRun,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write,
        Func<T, AuditRecord?> audit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await write(connection, transaction);
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return result;
        }
        if (audit(result) is { } entry)
            await AuditLog.WriteAsync(connection, transaction, entry.Actor, entry.Action, entry.Target, entry.Counts, entry.Details, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
