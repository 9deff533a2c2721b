namespace DesaGis.Core.Failures;

/// <summary>A database failure, classified.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="SqlState">The SQLSTATE the database answered with, when it answered.</param>
/// <param name="Rule">The SQLSTATE and, when a constraint refused a value, its name (for <see cref="DatabaseFailureKind.ValueRefused"/>).</param>
public sealed record DatabaseFailure(DatabaseFailureKind Kind, string? SqlState = null, string? Rule = null);
