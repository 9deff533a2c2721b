using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DesaGis.Server.Http;

/// <summary>
/// Kestrel refuses some requests before any application code runs (a request line or headers over its limits, a NUL
/// or control character in the path, an unknown HTTP version, headers that never finish) and answers them with a
/// status line and no body. This connection middleware finds exactly those answers on their way out — a 4xx/5xx
/// header block with <c>Content-Length: 0</c> and <c>Connection: close</c>, which the application never sends — and
/// gives them a problem+json body that says what to do. The request could not be read, so its language is unknown:
/// the detail is in Bahasa Indonesia (the default) with the English text beside it.
/// </summary>
public static class KestrelErrorBodies
{
    public static void Use(ListenOptions listen) => listen.Use(next => async connection =>
    {
        var original = connection.Transport;
        connection.Transport = new Pipe(original.Input, new Writer(original.Output));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = original;
        }
    });

    private static ReadOnlySpan<byte> Http11 => "HTTP/1.1 "u8;
    private static ReadOnlySpan<byte> EmptyLength => "\r\nContent-Length: 0\r\n"u8;
    private static ReadOnlySpan<byte> Close => "\r\nConnection: close\r\n"u8;
    private static ReadOnlySpan<byte> EndOfHeaders => "\r\n\r\n"u8;

    /// <summary>The replacement for a bare refusal, or null when the bytes are anything else.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        if (written.Length < 16 || written.Length > 2048 || !written.StartsWith(Http11) || written[9] is not ((byte)'4' or (byte)'5') ||
            !written.EndsWith(EndOfHeaders) || written.IndexOf(EmptyLength) < 0 || written.IndexOf(Close) < 0)
            return null;
        if (!int.TryParse(Encoding.ASCII.GetString(written.Slice(9, 3)), out var status)) return null;
        var text = status switch
        {
            505 => new LocalizedText("Versi HTTP ini tidak didukung. Kirim permintaan dengan HTTP/1.1 atau HTTP/2.",
                "This HTTP version is not supported. Send the request with HTTP/1.1 or HTTP/2."),
            400 => new LocalizedText(
                "Permintaan tidak dapat dibaca: baris permintaan atau header rusak (mis. karakter kontrol atau NUL di alamat). Kodekan karakter khusus dengan %XX dan kirim lagi.",
                "The request could not be read: its request line or headers are malformed (e.g. a control character or NUL in the address). Percent-encode special characters and send it again."),
            408 => new LocalizedText("Header permintaan datang terlalu lambat. Kirim lagi.", "The request headers arrived too slowly. Send the request again."),
            _ => ProblemCatalog.DefaultDetail(status),
        };
        var problem = new Dictionary<string, object?>
        {
            ["type"] = ProblemCatalog.DefaultType(status),
            ["title"] = ProblemCatalog.Title(ProblemCatalog.DefaultType(status), english: false) ?? "Permintaan ditolak",
            ["status"] = status,
            ["detail"] = text.Indonesian,
            ["detailEnglish"] = text.English,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(problem);
        var head = Encoding.ASCII.GetString(written[..^2]).Replace("\r\nContent-Length: 0\r\n",
            $"\r\nContent-Type: {Problems.MediaType}\r\nContent-Language: id\r\nContent-Length: {body.Length}\r\n", StringComparison.Ordinal);
        return [.. Encoding.ASCII.GetBytes(head + "\r\n"), .. body];
    }

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>Passes everything through; inspects each committed chunk's first bytes, and only rewrites a bare refusal.</summary>
    private sealed class Writer(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> _current;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _current = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_current = inner.GetMemory(sizeHint)).Span;

        public override void Advance(int bytes)
        {
            if (bytes >= 16 && bytes <= _current.Length && _current.Span[0] == (byte)'H' && Rewrite(_current.Span[..bytes]) is { } replacement)
            {
                // Nothing was advanced yet: writing the replacement overwrites the bare answer in the same buffer.
                _current = default;
                inner.Write(replacement);
                return;
            }
            _current = default;
            inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
        public override void CancelPendingFlush() => inner.CancelPendingFlush();
        public override void Complete(Exception? exception = null) => inner.Complete(exception);
        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;
        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
