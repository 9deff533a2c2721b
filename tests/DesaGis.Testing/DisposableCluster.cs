using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DesaGis.Testing;

/// <summary>
/// A PostgreSQL cluster of a test's own (initdb in a temporary folder, a free loopback port), for fault tests that
/// stop and restart the database under a running server without disturbing the shared test server.
/// </summary>
public sealed class DisposableCluster : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _bin;
    private readonly bool _asPostgres;

    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=desagis;Password=fault-test;Database=desagis";

    private DisposableCluster(string dir, string bin, int port, bool asPostgres) => (_dir, _bin, Port, _asPostgres) = (dir, bin, port, asPostgres);

    public static async Task<DisposableCluster> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
            .LastOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql; run scripts/deps.sh.");
        bool asPostgres = Environment.UserName == "root";
        var dir = Path.Combine(Path.GetTempPath(), "desagis-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var pw = Path.Combine(dir, "pw");
        await File.WriteAllTextAsync(pw, "fault-test\n");
        if (asPostgres) await RunAsync("chown", ["-R", "postgres:postgres", dir], false);
        var cluster = new DisposableCluster(dir, bin, FreePort(), asPostgres);
        await cluster.PgAsync("initdb", ["-D", Path.Combine(dir, "data"), "-U", "desagis", "--pwfile=" + pw, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
        await File.AppendAllTextAsync(Path.Combine(dir, "data", "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nport = {cluster.Port}\nunix_socket_directories = '{dir}'\nfsync = off\n");
        await cluster.StartServerAsync();
        await using (var conn = new NpgsqlConnection(cluster.ConnectionString.Replace("Database=desagis", "Database=postgres")))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE DATABASE desagis", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return cluster;
    }

    public Task StartServerAsync() => PgAsync("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "log"), "-w", "-t", "60", "start"]);

    public Task StopServerAsync() => PgAsync("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "fast", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await PgAsync("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"]); }
        catch (InvalidOperationException) { /* already stopped */ }
        Directory.Delete(_dir, recursive: true);
    }

    private Task PgAsync(string tool, string[] args) =>
        _asPostgres ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args], true)
                    : RunAsync(Path.Combine(_bin, tool), args, true);

    private static async Task RunAsync(string file, string[] args, bool check)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (check && p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({p.ExitCode}): {await stderr}{await stdout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
