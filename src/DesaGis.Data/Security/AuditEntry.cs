using System.Text.Json;

namespace DesaGis.Data.Security;

/// <summary>One entry of the audit trail: who changed what, when, and how many rows.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Target, JsonElement Counts, JsonElement Details);
