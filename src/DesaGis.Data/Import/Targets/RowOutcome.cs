namespace DesaGis.Data.Import.Targets;

/// <summary>
/// A source record converted for staging: the values in staging-column order and the key that identifies the
/// target row, or the reason it was rejected, or a note that it belongs to another level and is skipped.
/// </summary>
public sealed record RowOutcome(IReadOnlyDictionary<string, object?>? Values, string? Key, string? RejectReason, bool Skipped = false)
{
    public static RowOutcome Reject(string reason) => new(null, null, reason);
    public static RowOutcome Skip() => new(null, null, null, Skipped: true);
}
