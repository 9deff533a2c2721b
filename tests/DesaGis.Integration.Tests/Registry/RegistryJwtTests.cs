using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using DesaGis.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DesaGis.Integration.Tests.Registry;

/// <summary>Partner accounts through JWT bearer tokens: the token's <c>partner</c> claim binds it to its organisation, as a partner key does.</summary>
public class RegistryJwtTests(RegistryJwtTests.JwtFixture f) : IClassFixture<RegistryJwtTests.JwtFixture>
{
    private const string SigningKey = "a-registry-signing-key-of-32-characters-at-least";

    public sealed class JwtFixture : RegistryFixture
    {
        protected override DesaGisServer CreateServer(PostgisDatabase database) => new JwtServer(database);

        private sealed class JwtServer(PostgisDatabase db) : DesaGisServer(db)
        {
            protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DesaGis:Security:JwtSigningKey"] = SigningKey };
        }
    }

    private static string Token(string subject, string role, string? partner)
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        if (partner is not null) claims.Add(new Claim("partner", partner));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims), Issuer = "desagis", Audience = "desagis", Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    [Fact]
    public async Task A_partner_token_writes_its_own_programmes_only_and_is_the_author_of_the_version()
    {
        using var client = f.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("ops@yabn.example", "partner", RegistryFixture.PartnerA));
        using var created = await client.PostAsync("/collections/programs/items", RegistryFixture.Feature(new
        {
            kode = "JWT-AIR-1", nama = "Air Bersih Moyot", sector = "air bersih", desa_kodes = new[] { "52.03.02.2009" },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var props = (await RegistryFixture.JsonAsync(created)).GetProperty("properties");
        Assert.Equal("ops@yabn.example", props.GetProperty("author").GetString());
        Assert.Equal(RegistryFixture.PartnerA, props.GetProperty("partner_kode").GetString());

        using var me = await client.GetAsync("/me");
        Assert.Equal(RegistryFixture.PartnerA, (await RegistryFixture.JsonAsync(me)).GetProperty("partner").GetString());

        // The imported programme of another partner: readable, not writable.
        using var other = new HttpRequestMessage(HttpMethod.Delete, "/collections/programs/items/CONTOH-PRG-2");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(other)).StatusCode);
        // A partner token without its organisation is no partner account.
        using var unbound = f.Server.CreateClient();
        unbound.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("someone", "partner", null));
        Assert.Equal(HttpStatusCode.Forbidden, (await unbound.PostAsync("/collections/programs/items", RegistryFixture.Feature(new
        {
            nama = "X", sector = "s", desa_kodes = new[] { "52.03.02.2009" },
        }))).StatusCode);
    }
}
