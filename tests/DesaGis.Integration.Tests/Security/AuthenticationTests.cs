using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using DesaGis.Data.Security;
using DesaGis.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DesaGis.Integration.Tests.Security;

public class AuthenticationTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    private const string SigningKey = "a-test-signing-key-of-at-least-32-characters!";

    [Fact]
    public async Task Without_credentials_the_caller_is_anonymous()
    {
        await using var server = new JwtServer(db);
        var client = await server.CreateReadyClientAsync();
        var me = await client.GetFromJsonAsync<JsonElement>("/me");
        Assert.False(me.GetProperty("authenticated").GetBoolean());
        Assert.Equal("anonymous", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_api_key_authenticates_with_its_role()
    {
        var (_, secret) = await new ApiKeyStore(db.DataSource).CreateAsync("field-office-" + Guid.NewGuid().ToString("N")[..6], Roles.Planner);
        await using var server = new JwtServer(db);
        var client = await server.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-API-Key", secret);
        var me = await client.GetFromJsonAsync<JsonElement>("/me");
        Assert.True(me.GetProperty("authenticated").GetBoolean());
        Assert.Equal(new[] { "planner" }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString() ?? "").ToArray());
    }

    [Fact]
    public async Task Only_the_hash_of_a_key_is_stored()
    {
        var name = "hash-check-" + Guid.NewGuid().ToString("N")[..6];
        var (_, secret) = await new ApiKeyStore(db.DataSource).CreateAsync(name, Roles.Viewer);
        var stored = await db.ScalarAsync<string>("SELECT key_hash FROM desagis.api_key WHERE name = $1", name);
        Assert.DoesNotContain(secret, stored);
        Assert.Equal(64, stored.Length);
    }

    [Theory]
    [InlineData("dgk_not-a-real-key")]
    [InlineData("' OR 1=1 --")]
    public async Task An_unknown_key_is_refused_with_401_problem_json(string key)
    {
        await using var server = new JwtServer(db);
        var client = await server.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        using var response = await client.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_revoked_key_no_longer_works()
    {
        var store = new ApiKeyStore(db.DataSource);
        var name = "revoked-" + Guid.NewGuid().ToString("N")[..6];
        var (_, secret) = await store.CreateAsync(name, Roles.Admin);
        Assert.True(await store.RevokeAsync(name));
        await using var server = new JwtServer(db);
        var client = await server.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Add("X-API-Key", secret);
        using var response = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_audit_log_needs_the_admin_role()
    {
        var (_, viewer) = await new ApiKeyStore(db.DataSource).CreateAsync("viewer-" + Guid.NewGuid().ToString("N")[..6], Roles.Viewer);
        var (_, admin) = await new ApiKeyStore(db.DataSource).CreateAsync("admin-" + Guid.NewGuid().ToString("N")[..6], Roles.Admin);
        await using var server = new JwtServer(db);
        var client = await server.CreateReadyClientAsync();

        using (var anonymous = await client.GetAsync("/admin/audit"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/admin/audit") { Headers = { { "X-API-Key", viewer } } })
        using (var forbidden = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/admin/audit") { Headers = { { "X-API-Key", admin } } })
        using (var ok = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
    }

    [Fact]
    public async Task A_signed_bearer_token_carries_its_role()
    {
        await using var server = new JwtServer(db);
        var client = await server.CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(SigningKey, "admin", DateTime.UtcNow.AddMinutes(5)));
        var me = await client.GetFromJsonAsync<JsonElement>("/me");
        Assert.Equal("ops@example.org", me.GetProperty("name").GetString());
        Assert.Contains("admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var audit = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    [Fact]
    public async Task Expired_or_foreign_tokens_are_refused()
    {
        await using var server = new JwtServer(db);
        var client = await server.CreateReadyClientAsync();
        foreach (var token in new[]
                 {
                     Token(SigningKey, "admin", DateTime.UtcNow.AddMinutes(-10)),
                     Token("another-key-that-is-also-32-characters-long", "admin", DateTime.UtcNow.AddMinutes(5)),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after()
    {
        await using var server = new RateLimitedServer(db);
        var client = await server.CreateReadyClientAsync();
        HttpResponseMessage? limited = null;
        for (int i = 0; i < 20 && limited is null; i++)
        {
            var response = await client.GetAsync("/health/live");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response; else response.Dispose();
        }
        Assert.NotNull(limited);
        Assert.NotNull(limited!.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        limited.Dispose();
    }

    private static string Token(string key, string role, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", "ops@example.org"), new Claim("role", role)]),
        Issuer = "desagis",
        Audience = "desagis",
        NotBefore = expires.AddMinutes(-30),
        IssuedAt = expires.AddMinutes(-30),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });

    private sealed class JwtServer(PostgisDatabase db) : DesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:Security:JwtSigningKey"] = SigningKey,
        };
    }

    private sealed class RateLimitedServer(PostgisDatabase db) : DesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:Security:RequestsPerSecond"] = "1",
            ["DesaGis:Security:Burst"] = "2",
        };
    }
}
