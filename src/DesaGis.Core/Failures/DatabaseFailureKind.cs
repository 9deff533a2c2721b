namespace DesaGis.Core.Failures;

/// <summary>What went wrong in the database, in words HTTP and the CLI can act on without knowing the driver.</summary>
public enum DatabaseFailureKind
{
    /// <summary>The database did not answer in time (a connection or command timeout).</summary>
    Timeout,

    /// <summary>A statement ran past the statement timeout.</summary>
    StatementTimeout,

    /// <summary>The database says it is restarting, shutting down or out of connections.</summary>
    Unavailable,

    /// <summary>The database cannot be reached, or failed in a way worth retrying.</summary>
    Unreachable,

    /// <summary>A value was refused by a type or a constraint (SQLSTATE classes 22 and 23).</summary>
    ValueRefused,

    /// <summary>Coordinates could not be projected: they lie outside the requested CRS's area.</summary>
    OutsideCrsArea,

    /// <summary>The request was too large or too complex for the database (SQLSTATE class 54).</summary>
    TooComplex,

    /// <summary>Any other refusal by the database; <see cref="DatabaseFailure.SqlState"/> names it.</summary>
    Other,
}
