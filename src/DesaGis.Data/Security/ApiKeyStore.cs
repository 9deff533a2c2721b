using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace DesaGis.Data.Security;

/// <summary>
/// Creates, checks and revokes API keys. A key is shown once, when it is created; the database keeps only its
/// SHA-256 hash (keys are 256-bit random, so a plain hash is enough — no password stretching is needed).
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    private const string KeyPrefix = "dgk_";

    /// <summary>Creates a key for a role; returns the secret, which is not stored anywhere.</summary>
    public Task<(ApiKey Key, string Secret)> CreateAsync(string name, string role, CancellationToken cancellationToken = default) =>
        CreateAsync(name, role, null, cancellationToken);

    /// <summary>Creates a key for a role; a partner key names its partner organisation by code. Returns the secret.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, string role, string? partnerKode, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(role))
            throw new ArgumentException($"Unknown role '{role}'; use one of {string.Join(", ", Roles.All)}.", nameof(role));
        if ((role == Roles.Partner) != (partnerKode is not null))
            throw new ArgumentException(role == Roles.Partner
                ? "A partner key needs its partner organisation (--partner CODE)."
                : $"Only a partner key belongs to a partner organisation; a {role} key does not.", nameof(partnerKode));
        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO desagis.api_key (name, prefix, key_hash, role, partner_id)
            SELECT $1, $2, $3, $4, (SELECT id FROM desagis.partner WHERE kode = $5)
            WHERE $5::text IS NULL OR EXISTS (SELECT 1 FROM desagis.partner WHERE kode = $5)
            RETURNING id, created_at
            """);
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(secret[..10]);
        cmd.Parameters.AddWithValue(Hash(secret));
        cmd.Parameters.AddWithValue(role);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)partnerKode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            throw new ArgumentException($"There is no partner '{partnerKode}'; import it first (partner.csv).", nameof(partnerKode));
        return (new ApiKey(reader.GetInt64(0), name, secret[..10], role, reader.GetFieldValue<DateTimeOffset>(1), null, partnerKode), secret);
    }

    /// <summary>The live key matching a presented secret, or null.</summary>
    public async Task<ApiKey?> FindAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(KeyPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        await using var cmd = dataSource.CreateCommand(
            """
            SELECT k.id, k.name, k.prefix, k.role, k.created_at, pa.kode
              FROM desagis.api_key k LEFT JOIN desagis.partner pa ON pa.id = k.partner_id
             WHERE k.key_hash = $1 AND k.revoked_at IS NULL
            """);
        cmd.Parameters.AddWithValue(Hash(secret));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new ApiKey(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4), null, reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            """
            SELECT k.id, k.name, k.prefix, k.role, k.created_at, k.revoked_at, pa.kode
              FROM desagis.api_key k LEFT JOIN desagis.partner pa ON pa.id = k.partner_id ORDER BY k.id
            """);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<ApiKey>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new ApiKey(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        return list;
    }

    /// <summary>Revokes a key by name; returns false when there is no live key of that name.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "UPDATE desagis.api_key SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL");
        cmd.Parameters.AddWithValue(name);
        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static string Hash(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
