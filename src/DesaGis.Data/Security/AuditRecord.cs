namespace DesaGis.Data.Security;

/// <summary>What one write records in the audit trail: who did what to which target, with counts and details.</summary>
public sealed record AuditRecord(
    string Actor,
    string Action,
    string Target,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyDictionary<string, string?> Details);
