using DesaGis.Data.Failures;
using DesaGis.Data.Migrations;
using DesaGis.Server.Configuration;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Hosting;

/// <summary>
/// Migrates the database in the background, retrying until PostGIS answers, so the server starts (and says it is
/// not ready) even when the database is not up yet.
/// </summary>
public sealed partial class DatabaseStartup(
    SchemaMigrator migrator,
    DatabaseState state,
    IOptions<DesaGisOptions> options,
    ILogger<DatabaseStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.Value.MigrateOnStart)
                {
                    var applied = await migrator.MigrateAsync(stoppingToken);
                    if (applied.Count > 0) LogMigrated(logger, string.Join(", ", applied));
                }
                else if (await migrator.CurrentVersionAsync(stoppingToken) < SchemaMigrator.LatestVersion)
                {
                    throw new InvalidOperationException("The schema is older than this server; run 'desagis db migrate'.");
                }
                state.MarkReady();
                return;
            }
            catch (Exception ex) when (DatabaseFailures.IsDatabaseException(ex) || ex is InvalidOperationException or TimeoutException)
            {
                state.MarkFailed(ex.Message);
                LogWaiting(logger, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migrations {Versions}")]
    private static partial void LogMigrated(ILogger logger, string versions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not ready ({Reason}); retrying in {Seconds} s")]
    private static partial void LogWaiting(ILogger logger, string reason, double seconds);
}
