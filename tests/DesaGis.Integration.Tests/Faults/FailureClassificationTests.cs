using DesaGis.Server.Http;
using Npgsql;

namespace DesaGis.Integration.Tests.Faults;

/// <summary>
/// How database failures reach clients. Npgsql reports an exhausted pool and a statement timeout with these
/// exception shapes; each must become a 503 with Retry-After and a detail that says what to do, never a 500.
/// </summary>
public class FailureClassificationTests
{
    [Fact]
    public void An_exhausted_connection_pool_is_a_503_with_retry_after()
    {
        var ex = new NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' or 'Timeout'.", new TimeoutException());
        var (status, type, _, detail, retryAfter) = ErrorHandling.Classify(ex);
        Assert.Equal(503, status);
        Assert.Equal(ProblemTypes.DatabaseTimeout, type);
        Assert.NotNull(retryAfter);
        Assert.DoesNotContain("Max Pool Size", detail.English);
        Assert.DoesNotContain("Max Pool Size", detail.Indonesian);
    }

    [Fact]
    public void A_connection_refused_is_a_503_with_retry_after()
    {
        var ex = new NpgsqlException("Failed to connect to 127.0.0.1:1", new System.Net.Sockets.SocketException(111));
        var (status, type, _, _, retryAfter) = ErrorHandling.Classify(ex);
        Assert.Equal(503, status);
        Assert.Equal(ProblemTypes.DatabaseUnavailable, type);
        Assert.NotNull(retryAfter);
    }

    [Fact]
    public void A_client_side_command_timeout_is_a_503()
    {
        var (status, _, _, _, retryAfter) = ErrorHandling.Classify(new TimeoutException("Timeout during reading attempt"));
        Assert.Equal(503, status);
        Assert.NotNull(retryAfter);
    }

    [Fact]
    public void Anything_unexpected_is_a_500_that_says_nothing_of_internals()
    {
        var (status, type, _, detail, _) = ErrorHandling.Classify(new InvalidOperationException("SELECT secret FROM desagis.api_key"));
        Assert.Equal(500, status);
        Assert.Equal(ProblemTypes.InternalError, type);
        Assert.DoesNotContain("SELECT", detail.English);
        Assert.DoesNotContain("SELECT", detail.Indonesian);
    }
}
