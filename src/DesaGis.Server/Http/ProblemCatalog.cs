namespace DesaGis.Server.Http;

/// <summary>
/// The titles of every problem type in both languages, and the detail of the errors the framework raises without
/// one (unmatched routes, methods, authorisation, limits, timeouts): every error says what happened and what to do.
/// </summary>
public static class ProblemCatalog
{
    private static readonly Dictionary<string, LocalizedText> Titles = new(StringComparer.Ordinal)
    {
        [ProblemTypes.InvalidParameter] = new("Parameter tidak valid", "Invalid parameter"),
        [ProblemTypes.NotFound] = new("Tidak ditemukan", "Not found"),
        [ProblemTypes.UnknownCollection] = new("Koleksi tidak dikenal", "Unknown collection"),
        [ProblemTypes.UnknownFeature] = new("Objek tidak dikenal", "Unknown feature"),
        [ProblemTypes.InvalidTile] = new("Ubin tidak valid", "Invalid tile"),
        [ProblemTypes.InvalidFilter] = new("Filter tidak valid", "Invalid filter"),
        [ProblemTypes.InvalidCrs] = new("CRS tidak didukung atau di luar wilayahnya", "Unsupported CRS or outside its area"),
        [ProblemTypes.NotAcceptable] = new("Format tidak tersedia", "Not acceptable"),
        [ProblemTypes.UnsupportedMediaType] = new("Jenis isi tidak didukung", "Unsupported media type"),
        [ProblemTypes.PayloadTooLarge] = new("Isi permintaan terlalu besar", "Request body too large"),
        [ProblemTypes.InvalidBody] = new("Isi permintaan tidak valid", "Invalid body"),
        [ProblemTypes.InvalidPlan] = new("Rencana tidak dapat dijalankan", "The plan cannot run"),
        [ProblemTypes.PlannerBusy] = new("Perencana sedang sibuk", "The planner is busy"),
        [ProblemTypes.Unauthorized] = new("Perlu kredensial yang valid", "Valid credentials required"),
        [ProblemTypes.Forbidden] = new("Akses ditolak", "Forbidden"),
        [ProblemTypes.TooManyRequests] = new("Terlalu banyak permintaan", "Too many requests"),
        [ProblemTypes.DatabaseUnavailable] = new("Basis data tidak tersedia", "Database unavailable"),
        [ProblemTypes.DatabaseTimeout] = new("Permintaan terlalu lama", "The request took too long"),
        [ProblemTypes.MethodNotAllowed] = new("Metode tidak diizinkan", "Method not allowed"),
        [ProblemTypes.InternalError] = new("Kesalahan internal", "Internal error"),
        [ProblemTypes.ViewerNotBuilt] = new("Penampil belum dibangun", "Viewer not built"),
        [ProblemTypes.RequestTimeout] = new("Waktu permintaan habis", "Request timed out"),
        [ProblemTypes.TooExpensive] = new("Permintaan melebihi batas", "Request over the limit"),
        [ProblemTypes.Busy] = new("Server sedang sibuk", "The server is busy"),
        [ProblemTypes.UriTooLong] = new("Alamat terlalu panjang", "URI too long"),
        [ProblemTypes.HeadersTooLarge] = new("Header terlalu besar", "Request headers too large"),
        [ProblemTypes.HttpVersionNotSupported] = new("Versi HTTP tidak didukung", "HTTP version not supported"),
        [ProblemTypes.InvalidProgram] = new("Program tidak valid", "Invalid programme"),
        [ProblemTypes.PreconditionFailed] = new("Versi sudah berubah", "The version has changed"),
        [ProblemTypes.Conflict] = new("Bertentangan dengan keadaan saat ini", "Conflicts with the current state"),
    };

    /// <summary>The title of a problem type, or null when the type is not ours.</summary>
    public static string? Title(string? type, bool english) =>
        type is not null && Titles.TryGetValue(type, out var t) ? t.In(english) : null;

    /// <summary>What to tell a client when the framework answered with a bare status code.</summary>
    public static LocalizedText DefaultDetail(int status) => status switch
    {
        400 => new("Permintaan tidak dapat dibaca. Periksa alamat, parameter dan isi permintaan (lihat /api.html), lalu kirim lagi.",
            "The request could not be read. Check its address, parameters and body (see /api.html) and send it again."),
        401 => new("Sumber ini memerlukan kunci API atau token. Kirim kunci yang valid di header X-API-Key (atau Authorization: Bearer …); minta kunci kepada administrator.",
            "This resource needs an API key or token. Send a valid key in the X-API-Key header (or Authorization: Bearer …); ask an administrator for one."),
        403 => new("Kredensial Anda valid tetapi perannya tidak cukup untuk sumber ini. Minta administrator untuk kunci dengan peran yang sesuai (planner atau admin).",
            "Your credentials are valid but their role does not allow this resource. Ask an administrator for a key with the right role (planner or admin)."),
        404 => new("Alamat ini tidak ada. Halaman awal / mendaftar sumber yang tersedia; dokumentasi API ada di /api.html.",
            "There is nothing at this address. The landing page / lists what is available; the API is documented at /api.html."),
        405 => new("Metode HTTP ini tidak didukung di alamat ini. Lihat header Allow untuk metode yang diterima, atau /api.html.",
            "This HTTP method is not supported at this address. The Allow header lists the accepted methods; see /api.html."),
        406 => new("Format yang diminta tidak tersedia. Minta application/json atau gunakan parameter f=.",
            "The requested format is not available. Ask for application/json or use the f= parameter."),
        408 => new("Isi permintaan datang terlalu lambat. Kirim lagi dengan koneksi yang lebih cepat atau isi yang lebih kecil.",
            "The request body arrived too slowly. Send it again over a faster connection or with a smaller body."),
        411 => new("Isi permintaan memerlukan Content-Length. Kirim lagi dengan panjang isi.", "The request body needs a Content-Length. Send it again with one."),
        413 => new("Isi permintaan terlalu besar untuk alamat ini. Lihat docs/limits.md untuk batasnya dan kirim isi yang lebih kecil.",
            "The request body is too large for this address. See docs/limits.md for its limit and send a smaller body."),
        414 => new("Alamat (URI) terlalu panjang. Persingkat parameter; filter yang besar dapat dikirim sebagai filter CQL2 yang lebih sederhana.",
            "The address (URI) is too long. Shorten the parameters; send a simpler, shorter filter."),
        415 => new("Jenis isi permintaan tidak didukung. Kirim JSON dengan Content-Type: application/json (unggahan sebagai multipart/form-data).",
            "The body's media type is not supported. Send JSON with Content-Type: application/json (uploads as multipart/form-data)."),
        429 => new("Terlalu banyak permintaan dari klien ini. Tunggu sesuai header Retry-After, lalu kirim lebih lambat.",
            "Too many requests from this client. Wait as long as the Retry-After header says, then send more slowly."),
        431 => new("Header permintaan terlalu besar. Kirim lebih sedikit atau lebih pendek (cookie, kunci API).",
            "The request headers are too large. Send fewer or shorter ones (cookies, API key)."),
        503 => new("Server sedang sibuk atau permintaan melebihi waktunya. Coba lagi setelah waktu di header Retry-After, atau perkecil permintaan.",
            "The server is busy or the request ran out of time. Try again after the Retry-After header's time, or make the request smaller."),
        _ when status >= 500 => new("Terjadi kesalahan di server; kesalahan telah dicatat. Sebutkan traceId saat melaporkannya.",
            "Something went wrong on the server. The error was logged; quote the traceId when reporting it."),
        _ => new("Permintaan tidak dapat dilayani. Periksa permintaan (lihat /api.html) dan kirim lagi.",
            "The request cannot be served. Check it (see /api.html) and send it again."),
    };

    /// <summary>The default type of a bare status code.</summary>
    public static string DefaultType(int? status) => status switch
    {
        401 => ProblemTypes.Unauthorized,
        403 => ProblemTypes.Forbidden,
        404 => ProblemTypes.NotFound,
        405 => ProblemTypes.MethodNotAllowed,
        406 => ProblemTypes.NotAcceptable,
        413 => ProblemTypes.PayloadTooLarge,
        414 => ProblemTypes.UriTooLong,
        415 => ProblemTypes.UnsupportedMediaType,
        429 => ProblemTypes.TooManyRequests,
        431 => ProblemTypes.HeadersTooLarge,
        503 => ProblemTypes.Busy,
        505 => ProblemTypes.HttpVersionNotSupported,
        >= 400 and < 500 => ProblemTypes.InvalidParameter,
        _ => ProblemTypes.InternalError,
    };
}
