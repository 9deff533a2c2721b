using DesaGis.Server.Http;
using Npgsql;

namespace DesaGis.Integration.Tests.Faults;

/// <summary>The statement timeout, end to end: PostgreSQL cancels a statement that runs too long, the client sees 503.</summary>
public class StatementTimeoutTests(DesaGis.Testing.PostgisDatabase db) : IClassFixture<DesaGis.Testing.PostgisDatabase>
{
    [Fact]
    public async Task A_statement_past_the_timeout_is_cancelled_by_PostgreSQL_and_classified_503()
    {
        var csb = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Options = "-c statement_timeout=200" };
        await using var ds = DesaGis.Data.DesaGisDataSource.Create(csb.ConnectionString);
        await using var cmd = ds.CreateCommand("SELECT pg_sleep(2)");
        var ex = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Equal("57014", ex.SqlState);
        var (status, type, _, _, retryAfter) = ErrorHandling.Classify(ex);
        Assert.Equal(503, status);
        Assert.Equal(ProblemTypes.DatabaseTimeout, type);
        Assert.NotNull(retryAfter);
    }
}
