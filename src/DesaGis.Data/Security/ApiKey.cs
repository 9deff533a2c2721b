namespace DesaGis.Data.Security;

/// <summary>A stored API key's public facts (never the key itself); a partner key names its partner organisation.</summary>
public sealed record ApiKey(long Id, string Name, string Prefix, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt,
    string? PartnerKode = null);
