using System.CommandLine;
using DesaGis.Data;
using DesaGis.Data.Security;

namespace DesaGis.Cli.Commands;

/// <summary><c>desagis keys …</c>: create, list and revoke API keys.</summary>
public static class KeysCommands
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage API keys (roles: viewer, planner, admin, partner, reviewer).");

        var name = new Argument<string>("name") { Description = "A unique name for the key, e.g. the person or system using it." };
        var role = new Option<string>("--role") { Description = "viewer, planner, admin, partner or reviewer.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var partner = new Option<string?>("--partner") { Description = "For a partner key: the code of its partner organisation (e.g. CONTOH-MTR-2)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the secret (for scripts)." };
        var create = new Command("create", "Create a key; the secret is printed once and never stored.") { name, role, partner, quiet };
        create.SetAction(async (parse, ct) =>
        {
            await using var ds = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
            ApiKey key;
            string secret;
            try
            {
                (key, secret) = await new ApiKeyStore(ds).CreateAsync(parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(partner), ct);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message.Split(" (Parameter")[0]);
                return 2;
            }
            if (!parse.GetValue(quiet))
                Console.WriteLine($"Created key '{key.Name}' with role {key.Role}{(key.PartnerKode is null ? "" : $" for partner {key.PartnerKode}")}. Keep this secret; it is not shown again:");
            Console.WriteLine(secret);
            return 0;
        });

        var list = new Command("list", "List keys (names, roles, prefixes; never secrets).");
        list.SetAction(async (_, ct) =>
        {
            await using var ds = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
            foreach (var k in await new ApiKeyStore(ds).ListAsync(ct))
                Console.WriteLine($"{k.Name}\t{k.Role}{(k.PartnerKode is null ? "" : ":" + k.PartnerKode)}\t{k.Prefix}…\t{k.CreatedAt:u}\t{(k.RevokedAt is null ? "active" : $"revoked {k.RevokedAt:u}")}");
            return 0;
        });

        var revokeName = new Argument<string>("name") { Description = "The key's name." };
        var revoke = new Command("revoke", "Revoke a key by name.") { revokeName };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var ds = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
            var ok = await new ApiKeyStore(ds).RevokeAsync(parse.GetValue(revokeName)!, ct);
            Console.WriteLine(ok ? "Revoked." : "No active key of that name.");
            return ok ? 0 : 1;
        });

        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        return keys;
    }
}
