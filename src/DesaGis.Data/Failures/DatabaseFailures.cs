using DesaGis.Core.Failures;
using Npgsql;

namespace DesaGis.Data.Failures;

/// <summary>
/// Sorts the driver's and PostgreSQL's exceptions (by SQLSTATE) into <see cref="DatabaseFailure"/>s, so that callers
/// decide what to tell the user without knowing PostgreSQL's error codes.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>The failure an exception stands for, or null when it is not a database failure.</summary>
    public static DatabaseFailure? Classify(Exception exception) => exception switch
    {
        NpgsqlException { InnerException: TimeoutException } => new(DatabaseFailureKind.Timeout),
        PostgresException { SqlState: "57014" } => new(DatabaseFailureKind.StatementTimeout, "57014"),
        PostgresException { SqlState: var s } when s.StartsWith("57P", StringComparison.Ordinal) || s.StartsWith("08", StringComparison.Ordinal) || s == "53300"
            => new(DatabaseFailureKind.Unavailable, s),
        PostgresException { SqlState: var s } pg when s.StartsWith("22", StringComparison.Ordinal) || s.StartsWith("23", StringComparison.Ordinal)
            => new(DatabaseFailureKind.ValueRefused, s, RuleOf(pg)),
        // PROJ refuses coordinates far outside a projection's area; the request named them, so it is the request's fault.
        PostgresException { SqlState: "XX000" } pg when IsProjectionError(pg.MessageText) => new(DatabaseFailureKind.OutsideCrsArea, "XX000"),
        PostgresException { SqlState: var s } when s.StartsWith("54", StringComparison.Ordinal) => new(DatabaseFailureKind.TooComplex, s),
        NpgsqlException { IsTransient: true } or NpgsqlException { InnerException: System.Net.Sockets.SocketException }
            => new(DatabaseFailureKind.Unreachable, (exception as PostgresException)?.SqlState),
        PostgresException pg => new(DatabaseFailureKind.Other, pg.SqlState),
        NpgsqlException => new(DatabaseFailureKind.Other),
        _ => null,
    };

    /// <summary>Whether an exception comes from the database or its driver (as opposed to the caller's code).</summary>
    public static bool IsDatabaseException(Exception exception) => exception is NpgsqlException;

    private static string RuleOf(PostgresException ex) => ex.SqlState + (ex.ConstraintName is { } c ? ", rule " + c : "");

    private static bool IsProjectionError(string message) =>
        message.Contains("transform", StringComparison.OrdinalIgnoreCase) ||
        message.Contains("projection", StringComparison.OrdinalIgnoreCase) ||
        message.Contains("tolerance condition", StringComparison.OrdinalIgnoreCase);
}
