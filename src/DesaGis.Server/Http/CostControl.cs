using System.Threading.RateLimiting;
using DesaGis.Server.Ows;
using DesaGis.Server.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Http;

/// <summary>
/// The cost model's gate in front of every endpoint: the body limit of the endpoint (small for JSON, large only for
/// uploads), checked on Content-Length before a byte is read and enforced while reading; then, for expensive work,
/// a slot of its <see cref="CostClass"/> (a few at a time, a short queue, 503 with Retry-After when full).
/// </summary>
public static class CostControl
{
    /// <summary>How long a queued expensive request waits for a slot before it is told to come back later.</summary>
    public static readonly TimeSpan QueueWait = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddDesaGisCostControl(this IServiceCollection services)
    {
        // Expensive work (drawing, GeoPackage and zip writing) holds thread-pool threads for seconds; with the default
        // minimum the pool adds threads slowly, and a cheap request (a tile, /health/live) would wait for one. Enough
        // threads up front keep cheap requests answered while every expensive slot is busy.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16 * Environment.ProcessorCount + 16), io);
        services.AddSingleton<CostGates>();
        return services;
    }

    public static WebApplication UseDesaGisCostControl(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var options = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
            long limit = endpoint?.Metadata.GetMetadata<UploadBody>() is not null ? options.MaxRequestBodyBytes : options.MaxJsonBodyBytes;
            if (context.Request.ContentLength is long length && length > limit)
            {
                await TooLarge(context, length, limit);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;

            if (endpoint?.Metadata.GetMetadata<ExpensiveWork>() is { } work && (work.Applies is null || work.Applies(context.Request)))
            {
                var gates = context.RequestServices.GetRequiredService<CostGates>();
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                wait.CancelAfter(QueueWait);
                RateLimitLease lease;
                try
                {
                    lease = await gates.For(work.Class).AcquireAsync(1, wait.Token);
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    lease = FailedLease.Instance;
                }
                using (lease)
                {
                    if (!lease.IsAcquired)
                    {
                        await Busy(context, work.Class, gates);
                        return;
                    }
                    await next(context);
                }
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>WMS and WFS clients read their own XML exception reports, not problem details.</summary>
    private static OwsDialect? OwsDialectOf(HttpRequest request) =>
        request.Path.StartsWithSegments("/wms", StringComparison.OrdinalIgnoreCase) ? OwsDialect.Wms130
        : request.Path.StartsWithSegments("/wfs", StringComparison.OrdinalIgnoreCase) ? OwsDialect.Wfs200
        : null;

    private static Task Refuse(HttpContext context, int status, string type, string title, LocalizedText text, IDictionary<string, object?> extensions)
    {
        if (OwsDialectOf(context.Request) is { } dialect)
        {
            var language = RequestLanguage.PrefersEnglish(context.Request) ? OwsLanguage.English : OwsLanguage.Indonesian;
            return OwsExceptionWriter.WriteAsync(context, new OwsException(OwsCodes.NoApplicableCode, null, new OwsText(text.Indonesian, text.English), status),
                dialect, language);
        }
        context.Response.StatusCode = status;
        return Problems.Create(status, type, title, text, extensions).ExecuteAsync(context);
    }

    private static Task TooLarge(HttpContext context, long length, long limit)
    {
        return Refuse(context, StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Request body too large", new LocalizedText(
            $"Isi permintaan berukuran {N(length)} byte; alamat ini menerima paling banyak {N(limit)} byte (lihat docs/limits.md). " +
            "Kirim isi yang lebih kecil: area yang lebih sederhana, lebih sedikit nilai; berkas besar diimpor lewat /admin/import atau 'desagis import'.",
            $"The request body is {N(length)} bytes; this address accepts at most {N(limit)} bytes (see docs/limits.md). " +
            "Send a smaller body: a simpler area, fewer values; large files go through /admin/import or 'desagis import'."),
            new Dictionary<string, object?> { ["limit"] = limit });
    }

    private static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static Task Busy(HttpContext context, CostClass costClass, CostGates gates)
    {
        context.Response.Headers.RetryAfter = "10";
        var (id, en) = costClass switch
        {
            CostClass.Export => ("ekspor peta dan paket", "map and package exports"),
            CostClass.Plan => ("perencanaan", "planner runs"),
            CostClass.TileRender => ("ubin peta dari basis data", "tile renders"),
            _ => ("gambar WMS besar dan jawaban WFS besar", "large WMS images and large WFS answers"),
        };
        return Refuse(context, StatusCodes.Status503ServiceUnavailable, ProblemTypes.Busy, "The server is busy", new LocalizedText(
            $"Server sedang mengerjakan {gates.Permits} {id} sekaligus dan antreannya ({gates.QueueLength}) penuh. Coba lagi setelah 10 detik (header Retry-After); peta ubin dan objek tetap dilayani.",
            $"The server is working on {gates.Permits} {en} at once and their queue ({gates.QueueLength}) is full. Try again in 10 seconds (Retry-After); tiles and features are served meanwhile."),
            new Dictionary<string, object?> { ["class"] = costClass.ToString().ToLowerInvariant() });
    }

    private sealed class FailedLease : RateLimitLease
    {
        public static readonly FailedLease Instance = new();
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata) { metadata = null; return false; }
    }
}
