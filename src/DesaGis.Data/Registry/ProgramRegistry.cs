using System.Globalization;
using DesaGis.Data.Security;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Data.Registry;

/// <summary>
/// The shared programme registry. Partners create, replace, update and end their own programmes; every write is a
/// new version (a draft until a reviewer publishes it, unless <see cref="RegistrySettings.PublishOnWrite"/>);
/// publishing writes the version into the public programme tables, whose triggers evict the tiles it touches.
/// Every method is one transaction: a refused or failed write changes nothing.
/// </summary>
public sealed class ProgramRegistry(NpgsqlDataSource dataSource, RegistrySettings settings)
{
    // Indonesia with a margin: from Sabang's and Rondo's seas to Merauke, from Miangas to Rote.
    private const double MinLon = 94.0, MaxLon = 141.5, MinLat = -11.5, MaxLat = 6.5;

    public RegistrySettings Settings { get; } = settings;

    /// <summary>Adds a programme; it is a draft until published.</summary>
    public async Task<ProgramRevision> CreateAsync(RegistryCaller caller, ProgramInput input, CancellationToken ct = default)
    {
        input = ProgramFields.Check(input);
        var partnerKode = input.PartnerKode?.Trim();
        if (!caller.IsReviewer)
        {
            if (partnerKode is not null && partnerKode != caller.PartnerKode)
                throw new RegistryException(RegistryErrorKind.Forbidden, "partner_kode",
                    $"Akun ini milik mitra {caller.PartnerKode}; program mitra {ProgramFields.Short(partnerKode)} tidak dapat ditambahkan dari akun ini.",
                    $"This account belongs to partner {caller.PartnerKode}; it cannot add programmes of partner {ProgramFields.Short(partnerKode)}.");
            partnerKode = caller.PartnerKode;
        }
        else if (string.IsNullOrEmpty(partnerKode))
        {
            throw RegistryException.Invalid("partner_kode", "Sebutkan mitra pemilik program (partner_kode).",
                "Name the partner that runs the programme (partner_kode).");
        }
        var geometry = await CheckGeometryAsync(input.GeometryJson, ct);
        var kode = input.Kode ?? NewKode(partnerKode!);

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, tx, kode, ct);
        if (await ExistsAsync(conn, tx, kode, ct))
            throw new RegistryException(RegistryErrorKind.Conflict, "kode",
                $"Kode program '{kode}' sudah dipakai (juga oleh program yang sudah diakhiri). Pilih kode lain atau biarkan server memilih.",
                $"The programme code '{kode}' is taken (programmes that ended keep theirs). Choose another or let the server choose.");
        long partnerId = await PartnerIdAsync(conn, tx, partnerKode!, ct)
            ?? throw RegistryException.Invalid("partner_kode", $"Mitra '{ProgramFields.Short(partnerKode!)}' tidak dikenal.",
                $"There is no partner '{ProgramFields.Short(partnerKode!)}'.");
        await CheckVillagesAsync(conn, tx, input.DesaKodes, ct);
        var written = await InsertRevisionAsync(conn, tx, caller, kode, 1, partnerId, "create", input with { Kode = kode }, geometry, ct);
        return await FinishAsync(conn, tx, caller, kode, written, ct);
    }

    /// <summary>Replaces a programme with a new version (PUT).</summary>
    public Task<ProgramRevision> ReplaceAsync(RegistryCaller caller, string kode, ProgramInput input, int? ifMatch, CancellationToken ct = default) =>
        ChangeAsync(caller, kode, "replace", _ => input with { Kode = kode }, ifMatch, ct);

    /// <summary>Changes some fields of a programme (PATCH, JSON Merge Patch).</summary>
    public Task<ProgramRevision> UpdateAsync(RegistryCaller caller, string kode, ProgramPatch patch, int? ifMatch, CancellationToken ct = default) =>
        ChangeAsync(caller, kode, "update", head => patch.ApplyTo(head.AsInput()), ifMatch, ct);

    /// <summary>Ends a programme (DELETE): once published it leaves the map; its history stays.</summary>
    public Task<ProgramRevision> DeleteAsync(RegistryCaller caller, string kode, int? ifMatch, CancellationToken ct = default) =>
        ChangeAsync(caller, kode, "delete", head => head.AsInput(), ifMatch, ct);

    private async Task<ProgramRevision> ChangeAsync(RegistryCaller caller, string kode, string operation,
        Func<ProgramRevision, ProgramInput> build, int? ifMatch, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, tx, kode, ct);
        var head = await LiveHeadAsync(conn, tx, kode, ct);
        CheckMayChange(caller, head, ifMatch);
        var input = build(head);
        if (input.PartnerKode is { } p && p != head.PartnerKode)
            throw RegistryException.Invalid("partner_kode",
                $"Program {kode} milik mitra {head.PartnerKode}; mitranya tidak dapat diganti.",
                $"Programme {kode} belongs to partner {head.PartnerKode}; its partner cannot change.");
        input = ProgramFields.Check(input with { PartnerKode = head.PartnerKode });
        var geometry = operation == "delete"
            ? new GeometryCheck(input.GeometryJson, null)
            : await CheckGeometryAsync(input.GeometryJson, ct);
        if (operation != "delete") await CheckVillagesAsync(conn, tx, input.DesaKodes, ct);
        long partnerId = (await PartnerIdAsync(conn, tx, head.PartnerKode, ct))!.Value;
        if (head.Operation == "baseline") await InsertBaselineAsync(conn, tx, kode, ct);
        await using (var supersede = new NpgsqlCommand(
            "UPDATE desagis.program_revision SET state = 'superseded' WHERE program_kode = $1 AND state = 'draft'", conn, tx))
        {
            supersede.Parameters.AddWithValue(kode);
            await supersede.ExecuteNonQueryAsync(ct);
        }
        var written = await InsertRevisionAsync(conn, tx, caller, kode, head.Revision + 1, partnerId, operation, input, geometry, ct);
        return await FinishAsync(conn, tx, caller, kode, written, ct);
    }

    /// <summary>Publishes the programme's draft: it goes on the map (or, for an ending, leaves it) in this transaction.</summary>
    public async Task<ProgramRevision> PublishAsync(RegistryCaller caller, string kode, int? ifMatch, CancellationToken ct = default)
    {
        RequireReviewer(caller);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, tx, kode, ct);
        var draft = await DraftAsync(conn, tx, kode, ifMatch, ct);
        await ApplyAsync(conn, tx, caller, kode, draft.Revision, ct);
        var published = (await RevisionsAsync(conn, tx, kode, draft.Revision, ct)).Single();
        await tx.CommitAsync(ct);
        return published;
    }

    /// <summary>Sends the programme's draft back to its partner with a comment; the map does not change.</summary>
    public async Task<ProgramRevision> ReturnAsync(RegistryCaller caller, string kode, string comment, int? ifMatch, CancellationToken ct = default)
    {
        RequireReviewer(caller);
        comment = comment.Trim();
        if (comment.Length == 0)
            throw RegistryException.Invalid("comment", "Tuliskan alasan pengembalian agar mitra tahu apa yang harus diperbaiki.",
                "Write why the draft goes back, so the partner knows what to fix.");
        if (comment.Length > 2000)
            throw RegistryException.Invalid("comment", "Komentar paling banyak 2.000 karakter.", "The comment is at most 2,000 characters.");
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, tx, kode, ct);
        var draft = await DraftAsync(conn, tx, kode, ifMatch, ct);
        await using (var cmd = new NpgsqlCommand("""
            UPDATE desagis.program_revision SET state = 'returned', reviewer = $3, reviewed_at = clock_timestamp(), review_comment = $4
             WHERE program_kode = $1 AND revision = $2
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue(kode);
            cmd.Parameters.AddWithValue(draft.Revision);
            cmd.Parameters.AddWithValue(caller.Actor);
            cmd.Parameters.AddWithValue(comment);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await AuditLog.WriteAsync(conn, tx, caller.Actor, "program.return", kode,
            new Dictionary<string, long> { ["revision"] = draft.Revision }, new Dictionary<string, string?> { ["comment"] = comment }, ct);
        var returned = (await RevisionsAsync(conn, tx, kode, draft.Revision, ct)).Single();
        await tx.CommitAsync(ct);
        return returned;
    }

    /// <summary>The newest version of a programme (a draft if one waits), or null when there is no such programme.</summary>
    public async Task<ProgramRevision?> HeadAsync(string kode, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await HeadAsync(conn, null, kode, ct);
    }

    /// <summary>The version on the public map now, or null when the programme is not (or no longer) on it.</summary>
    public async Task<ProgramRevision?> PublishedAsync(string kode, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT " + ProgramRevisionReader.BaselineColumns + ProgramRevisionReader.BaselineFrom + " WHERE p.kode = $1", conn);
        cmd.Parameters.AddWithValue(kode);
        var baseline = (await ProgramRevisionReader.ReadAllAsync(cmd, ct)).SingleOrDefault();
        if (baseline is null) return null;
        // A programme written through the registry is read from its published version (author, review, note).
        return (await RevisionsAsync(conn, null, kode, baseline.Revision, ct)).SingleOrDefault() ?? baseline;
    }

    /// <summary>The version that was on the public map at an instant, or null when the programme was not on it then.</summary>
    public async Task<ProgramRevision?> AsOfAsync(string kode, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT " + ProgramRevisionReader.RevisionColumns + ProgramRevisionReader.RevisionFrom +
            " WHERE r.program_kode = $1 AND r.published_at <= $2 ORDER BY r.published_at DESC, r.revision DESC LIMIT 1", conn);
        cmd.Parameters.AddWithValue(kode);
        cmd.Parameters.AddWithValue(at.ToUniversalTime());
        var found = (await ProgramRevisionReader.ReadAllAsync(cmd, ct)).SingleOrDefault();
        if (found is not null) return found.IsDeletion ? null : found;
        // Never written through the registry: the imported programme, from when it was last loaded.
        var head = await HeadAsync(conn, null, kode, ct);
        return head is { Operation: "baseline" } && head.CreatedAt <= at ? head : null;
    }

    /// <summary>Every version of a programme, oldest first (empty when there is no such programme).</summary>
    public async Task<IReadOnlyList<ProgramRevision>> HistoryAsync(string kode, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var all = await RevisionsAsync(conn, null, kode, null, ct);
        if (all.Count > 0) return all;
        return await HeadAsync(conn, null, kode, ct) is { } baseline ? [baseline] : [];
    }

    /// <summary>
    /// The newest version of each programme the caller may see: a partner its own, a reviewer every one; optionally
    /// only those in a state (e.g. the drafts waiting for review).
    /// </summary>
    public async Task<IReadOnlyList<ProgramRevision>> ListAsync(RegistryCaller caller, string? state, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            SELECT * FROM (
                SELECT DISTINCT ON (r.program_kode) {ProgramRevisionReader.RevisionColumns} {ProgramRevisionReader.RevisionFrom}
                 WHERE $1::text IS NULL OR pa.kode = $1
                 ORDER BY r.program_kode, r.revision DESC) heads
            UNION ALL
            SELECT {ProgramRevisionReader.BaselineColumns} {ProgramRevisionReader.BaselineFrom}
             WHERE ($1::text IS NULL OR pa.kode = $1)
               AND NOT EXISTS (SELECT 1 FROM desagis.program_revision r WHERE r.program_kode = p.kode)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = caller.IsReviewer ? DBNull.Value : caller.PartnerKode!, NpgsqlDbType = NpgsqlDbType.Text });
        var heads = await ProgramRevisionReader.ReadAllAsync(cmd, ct);
        return heads
            .Where(h => state is null || h.State == state)
            // A published ending is gone from the map; the partner's list shows what is still theirs to keep.
            .Where(h => !(h.IsDeletion && h.State == "published"))
            .OrderBy(h => h.State == "draft" ? 0 : h.State == "returned" ? 1 : 2).ThenByDescending(h => h.CreatedAt).ThenBy(h => h.Kode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The partner codes and names, for forms.</summary>
    public async Task<IReadOnlyList<(string Kode, string Nama, string Kind)>> PartnersAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT kode, nama, kind FROM desagis.partner ORDER BY nama, kode");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<(string, string, string)>();
        while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return list;
    }

    // ---- the steps of a write ----

    private static void RequireReviewer(RegistryCaller caller)
    {
        if (!caller.IsReviewer)
            throw new RegistryException(RegistryErrorKind.Forbidden, null,
                "Hanya peninjau (reviewer) atau admin yang dapat menerbitkan atau mengembalikan draf.",
                "Only a reviewer or an administrator can publish a draft or send it back.");
    }

    private static void CheckMayChange(RegistryCaller caller, ProgramRevision head, int? ifMatch)
    {
        if (!caller.MaySee(head.PartnerKode))
            throw new RegistryException(RegistryErrorKind.Forbidden, null,
                $"Program {head.Kode} milik mitra {head.PartnerKode}. Akun mitra {caller.PartnerKode} dapat membacanya tetapi tidak dapat mengubahnya.",
                $"Programme {head.Kode} belongs to partner {head.PartnerKode}. The account of partner {caller.PartnerKode} can read it but not change it.");
        if (ifMatch is int m && m != head.Revision)
            throw Stale(head.Kode, m, head.Revision);
    }

    private static RegistryException Stale(string kode, int asked, int current) =>
        new(RegistryErrorKind.Stale, null,
            $"Program {kode} sudah berubah: Anda mengubah versi {asked}, versi terbarunya {current}. Ambil versi terbaru (GET), terapkan perubahan Anda padanya, lalu kirim lagi dengan If-Match barunya.",
            $"Programme {kode} has changed: you edited version {asked}, the newest is {current}. Fetch the newest (GET), apply your change to it and send it again with its If-Match.",
            currentRevision: current);

    private static async Task LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kode, CancellationToken ct)
    {
        // Writers of one programme queue here, so the version read below is still the newest when the next is written.
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('desagis.program:' || $1, 0))", conn, tx);
        cmd.Parameters.AddWithValue(kode);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kode, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM desagis.program WHERE kode = $1)
                OR EXISTS (SELECT 1 FROM desagis.program_revision WHERE program_kode = $1)
            """, conn, tx);
        cmd.Parameters.AddWithValue(kode);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long?> PartnerIdAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kode, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT id FROM desagis.partner WHERE kode = $1", conn, tx);
        cmd.Parameters.AddWithValue(kode);
        return await cmd.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    private static async Task<ProgramRevision?> HeadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string kode, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            SELECT * FROM (
                SELECT {ProgramRevisionReader.RevisionColumns} {ProgramRevisionReader.RevisionFrom}
                 WHERE r.program_kode = $1 ORDER BY r.revision DESC LIMIT 1) newest
            UNION ALL
            SELECT {ProgramRevisionReader.BaselineColumns} {ProgramRevisionReader.BaselineFrom}
             WHERE p.kode = $1 AND NOT EXISTS (SELECT 1 FROM desagis.program_revision r WHERE r.program_kode = $1)
            """, conn, tx);
        cmd.Parameters.AddWithValue(kode);
        return (await ProgramRevisionReader.ReadAllAsync(cmd, ct)).SingleOrDefault();
    }

    /// <summary>The newest version of a programme that is still there (not ended and published), or a 404.</summary>
    private static async Task<ProgramRevision> LiveHeadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kode, CancellationToken ct)
    {
        var head = await HeadAsync(conn, tx, kode, ct);
        if (head is null)
            throw new RegistryException(RegistryErrorKind.NotFound, null, $"Tidak ada program '{ProgramFields.Short(kode)}'.",
                $"There is no programme '{ProgramFields.Short(kode)}'.");
        if (head is { IsDeletion: true, State: "published" })
            throw new RegistryException(RegistryErrorKind.NotFound, null,
                $"Program '{kode}' sudah diakhiri pada {head.PublishedAt:yyyy-MM-dd}; riwayatnya tetap ada di …/items/{kode}/history.",
                $"Programme '{kode}' ended on {head.PublishedAt:yyyy-MM-dd}; its history stays at …/items/{kode}/history.");
        return head;
    }

    private static async Task<ProgramRevision> DraftAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kode, int? ifMatch, CancellationToken ct)
    {
        var head = await LiveHeadAsync(conn, tx, kode, ct);
        if (ifMatch is int m && m != head.Revision) throw Stale(kode, m, head.Revision);
        if (head.State != "draft")
            throw new RegistryException(RegistryErrorKind.Conflict, null,
                $"Program {kode} tidak punya draf yang menunggu tinjauan (versi terbarunya {head.Revision}: {head.State}).",
                $"Programme {kode} has no draft waiting for review (its newest version {head.Revision} is {head.State}).");
        return head;
    }

    private static async Task<List<ProgramRevision>> RevisionsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string kode, int? revision, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT " + ProgramRevisionReader.RevisionColumns + ProgramRevisionReader.RevisionFrom +
            " WHERE r.program_kode = $1 AND ($2::integer IS NULL OR r.revision = $2) ORDER BY r.revision", conn, tx);
        cmd.Parameters.AddWithValue(kode);
        cmd.Parameters.Add(new NpgsqlParameter { Value = revision is int n ? n : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        return await ProgramRevisionReader.ReadAllAsync(cmd, ct);
    }

    /// <summary>Unknown village codes are refused by name: the write would otherwise silently cover less.</summary>
    private static async Task CheckVillagesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<string> kodes, CancellationToken ct)
    {
        if (kodes.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            SELECT k FROM unnest($1::text[]) WITH ORDINALITY AS u(k, n)
             WHERE NOT EXISTS (SELECT 1 FROM desagis.desa d WHERE d.kode = u.k) ORDER BY n
            """, conn, tx);
        cmd.Parameters.AddWithValue(kodes.ToArray());
        var unknown = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) unknown.Add(reader.GetString(0));
        if (unknown.Count > 0)
            throw RegistryException.Invalid("desa_kodes",
                $"Kode desa tidak dikenal: {string.Join(", ", unknown.Take(10))}{(unknown.Count > 10 ? $" (dan {unknown.Count - 10} lagi)" : "")}. Periksa kodenya di /search?q=…",
                $"Unknown village code{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Take(10))}{(unknown.Count > 10 ? $" (and {unknown.Count - 10} more)" : "")}. Look the codes up at /search?q=…",
                unknown);
    }

    /// <summary>A drawn coverage polygon, checked: readable, polygonal, inside Indonesia; an invalid one repaired or refused.</summary>
    private sealed record GeometryCheck(string? GeoJson, string? Note);

    private async Task<GeometryCheck> CheckGeometryAsync(string? geoJson, CancellationToken ct)
    {
        if (geoJson is null) return new GeometryCheck(null, null);
        await using var cmd = dataSource.CreateCommand("""
            SELECT GeometryType(g), ST_IsValid(g), ST_IsValidReason(g), ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g),
                   ST_IsEmpty(g), ST_AsGeoJSON(f, 9), ST_IsEmpty(f) OR f IS NULL
              FROM (SELECT ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON($1)), 4326) AS g) s,
                   LATERAL (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) AS f) m
            """);
        cmd.Parameters.AddWithValue(geoJson);
        try
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            var type = r.GetString(0);
            if (type is not ("POLYGON" or "MULTIPOLYGON"))
                throw RegistryException.Invalid("geometry",
                    $"Geometri cakupan harus Polygon atau MultiPolygon, bukan {type}.",
                    $"The coverage geometry must be a Polygon or MultiPolygon, not a {type}.");
            if (r.GetBoolean(7))
                throw RegistryException.Invalid("geometry", "Geometri cakupan kosong.", "The coverage geometry is empty.");
            double x0 = r.GetDouble(3), y0 = r.GetDouble(4), x1 = r.GetDouble(5), y1 = r.GetDouble(6);
            if (x0 < MinLon || x1 > MaxLon || y0 < MinLat || y1 > MaxLat)
                throw RegistryException.Invalid("geometry",
                    string.Create(CultureInfo.InvariantCulture, $"Geometri cakupan berada di luar Indonesia (bujur {x0:0.###}…{x1:0.###}, lintang {y0:0.###}…{y1:0.###}). Koordinat GeoJSON ditulis bujur dulu, lalu lintang, dalam derajat WGS 84."),
                    string.Create(CultureInfo.InvariantCulture, $"The coverage geometry lies outside Indonesia (longitude {x0:0.###}…{x1:0.###}, latitude {y0:0.###}…{y1:0.###}). GeoJSON coordinates are longitude first, then latitude, in WGS 84 degrees.")); 
            if (r.GetBoolean(1)) return new GeometryCheck(geoJson, null);
            var reason = r.GetString(2);
            if (r.GetBoolean(9))
                throw RegistryException.Invalid("geometry",
                    $"Geometri cakupan tidak valid ({reason}) dan tidak dapat diperbaiki menjadi poligon. Gambar ulang poligonnya.",
                    $"The coverage geometry is invalid ({reason}) and cannot be repaired into a polygon. Draw it again.");
            return new GeometryCheck(r.GetString(8), $"repaired: {reason}");
        }
        catch (PostgresException ex) when (ex.SqlState is "XX000" or "22023" or "22P02")
        {
            throw RegistryException.Invalid("geometry",
                "Geometri GeoJSON tidak dapat dibaca. Kirim objek geometry GeoJSON (Polygon atau MultiPolygon) dengan koordinat [bujur, lintang].",
                "The GeoJSON geometry cannot be read. Send a GeoJSON geometry object (Polygon or MultiPolygon) with [longitude, latitude] coordinates.");
        }
    }

    private static async Task InsertBaselineAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kode, CancellationToken ct)
    {
        // A programme loaded from a file gets its loaded state as version 1 before the first registry write, so its
        // history starts from what was on the map.
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO desagis.program_revision (program_kode, revision, partner_id, operation, state, nama, sector, start_date,
                   end_date, status, budget, desa_kodes, geom, footprint, author, created_at, published_at)
            SELECT p.kode, COALESCE(p.revision, 1), p.partner_id, 'baseline', 'published', p.nama, p.sector, p.start_date,
                   p.end_date, p.status, p.budget,
                   ARRAY(SELECT pv.desa_kode FROM desagis.program_village pv WHERE pv.program_id = p.id ORDER BY 1),
                   p.geom, p.footprint, 'import', p.updated_at, p.updated_at
              FROM desagis.program p WHERE p.kode = $1
            """, conn, tx);
        cmd.Parameters.AddWithValue(kode);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> InsertRevisionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, RegistryCaller caller, string kode,
        int revision, long partnerId, string operation, ProgramInput input, GeometryCheck geometry, CancellationToken ct)
    {
        // The villages are those named plus those whose point lies inside the drawn polygon; the footprint is the
        // polygon joined with the named villages, or the named villages alone.
        await using var cmd = new NpgsqlCommand("""
            WITH g AS (SELECT ST_Multi(ST_SetSRID(ST_Force2D(ST_GeomFromGeoJSON($12)), 4326))::geometry(MultiPolygon, 4326) AS geom),
            v AS (SELECT ARRAY(SELECT k FROM (SELECT unnest($11::text[]) AS k
                                              UNION SELECT d.kode FROM desagis.desa d, g WHERE g.geom IS NOT NULL AND ST_Intersects(d.centroid, g.geom)) u
                               ORDER BY k) AS kodes)
            INSERT INTO desagis.program_revision (program_kode, revision, partner_id, operation, state, nama, sector, start_date,
                   end_date, status, budget, desa_kodes, geom, footprint, geometry_note, author)
            SELECT $1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $10, v.kodes, g.geom,
                   (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(x)), 3))
                      FROM (SELECT g.geom AS x WHERE g.geom IS NOT NULL
                            UNION ALL SELECT d.geom FROM desagis.desa d WHERE d.kode = ANY ($11::text[])) parts),
                   $13, $14
              FROM g, v
            RETURNING revision
            """, conn, tx);
        cmd.Parameters.AddWithValue(kode);
        cmd.Parameters.AddWithValue(revision);
        cmd.Parameters.AddWithValue(partnerId);
        cmd.Parameters.AddWithValue(operation);
        cmd.Parameters.AddWithValue(input.Nama!);
        cmd.Parameters.AddWithValue(input.Sector!);
        cmd.Parameters.Add(new NpgsqlParameter { Value = input.StartDate is { } s ? s : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        cmd.Parameters.Add(new NpgsqlParameter { Value = input.EndDate is { } e ? e : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        cmd.Parameters.AddWithValue(input.Status!);
        cmd.Parameters.Add(new NpgsqlParameter { Value = input.Budget is { } b ? b : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
        cmd.Parameters.AddWithValue(input.DesaKodes.ToArray());
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)geometry.GeoJson ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)geometry.Note ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.AddWithValue(caller.Actor);
        return (int)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task<ProgramRevision> FinishAsync(NpgsqlConnection conn, NpgsqlTransaction tx, RegistryCaller caller, string kode, int revision, CancellationToken ct)
    {
        var written = (await RevisionsAsync(conn, tx, kode, revision, ct)).Single();
        await AuditLog.WriteAsync(conn, tx, caller.Actor, "program." + written.Operation, written.Kode,
            new Dictionary<string, long> { ["revision"] = revision, ["villages"] = written.DesaKodes.Count },
            new Dictionary<string, string?> { ["partner"] = written.PartnerKode, ["geometry_note"] = written.GeometryNote }, ct);
        if (Settings.PublishOnWrite)
        {
            await ApplyAsync(conn, tx, RegistryCaller.Reviewer("auto-publish"), kode, revision, ct);
            written = (await RevisionsAsync(conn, tx, kode, revision, ct)).Single();
        }
        await tx.CommitAsync(ct);
        return written;
    }

    /// <summary>
    /// Puts a version on the public map: the programme row and its villages (or their removal, for an ending), the
    /// footprint and the villages' summaries. The tables' triggers record the tile change in this transaction.
    /// </summary>
    private static async Task ApplyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, RegistryCaller reviewer, string kode, int revision, CancellationToken ct)
    {
        string[] old;
        await using (var before = new NpgsqlCommand("""
            SELECT ARRAY(SELECT pv.desa_kode FROM desagis.program_village pv JOIN desagis.program p ON p.id = pv.program_id
                          WHERE p.kode = $1)
            """, conn, tx))
        {
            before.Parameters.AddWithValue(kode);
            old = (string[])(await before.ExecuteScalarAsync(ct))!;
        }
        await using var cmd = new NpgsqlCommand("""
            SELECT operation = 'delete', desa_kodes FROM desagis.program_revision WHERE program_kode = $1 AND revision = $2
            """, conn, tx);
        cmd.Parameters.AddWithValue(kode);
        cmd.Parameters.AddWithValue(revision);
        bool ends;
        string[] now;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            ends = r.GetBoolean(0);
            now = ends ? [] : r.GetFieldValue<string[]>(1);
        }
        long? id = null;
        if (ends)
        {
            // Its villages go with it (ON DELETE CASCADE); the history keeps every version.
            await using var delete = new NpgsqlCommand("DELETE FROM desagis.program WHERE kode = $1", conn, tx);
            delete.Parameters.AddWithValue(kode);
            await delete.ExecuteNonQueryAsync(ct);
        }
        else
        {
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO desagis.program AS p (kode, nama, partner_id, sector, start_date, end_date, status, geom, budget, revision)
                SELECT program_kode, nama, partner_id, sector, start_date, end_date, status,
                       CASE WHEN geom IS NULL THEN NULL ELSE footprint END, budget, revision
                  FROM desagis.program_revision WHERE program_kode = $1 AND revision = $2
                ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, sector = EXCLUDED.sector, start_date = EXCLUDED.start_date,
                       end_date = EXCLUDED.end_date, status = EXCLUDED.status, geom = EXCLUDED.geom, budget = EXCLUDED.budget,
                       revision = EXCLUDED.revision, updated_at = now()
                RETURNING p.id
                """, conn, tx);
            upsert.Parameters.AddWithValue(kode);
            upsert.Parameters.AddWithValue(revision);
            id = (long)(await upsert.ExecuteScalarAsync(ct))!;
        }
        if (id is long programId)
        {
            foreach (var sql in new[]
            {
                "DELETE FROM desagis.program_village WHERE program_id = $1 AND desa_kode <> ALL ($2::text[])",
                "INSERT INTO desagis.program_village (program_id, desa_kode) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
            })
            {
                await using var villages = new NpgsqlCommand(sql, conn, tx);
                villages.Parameters.AddWithValue(programId);
                villages.Parameters.AddWithValue(now);
                await villages.ExecuteNonQueryAsync(ct);
            }
            await using var footprint = new NpgsqlCommand("SELECT desagis.refresh_program_footprint(ARRAY[$1::bigint])", conn, tx);
            footprint.Parameters.AddWithValue(programId);
            await footprint.ExecuteNonQueryAsync(ct);
        }
        await using (var summary = new NpgsqlCommand("SELECT desagis.refresh_village_summary($1::text[])", conn, tx))
        {
            summary.Parameters.AddWithValue(old.Union(now).ToArray());
            await summary.ExecuteNonQueryAsync(ct);
        }
        await using (var mark = new NpgsqlCommand("""
            UPDATE desagis.program_revision
               SET state = 'published', published_at = clock_timestamp(), reviewer = $3, reviewed_at = clock_timestamp()
             WHERE program_kode = $1 AND revision = $2
            """, conn, tx))
        {
            mark.Parameters.AddWithValue(kode);
            mark.Parameters.AddWithValue(revision);
            mark.Parameters.AddWithValue(reviewer.Actor);
            await mark.ExecuteNonQueryAsync(ct);
        }
        await AuditLog.WriteAsync(conn, tx, reviewer.Actor, "program.publish", kode,
            new Dictionary<string, long> { ["revision"] = revision, ["villages"] = now.Length }, null, ct);
    }

    private static string NewKode(string partnerKode)
    {
        var stem = new string(partnerKode.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray());
        if (stem.Length > 40) stem = stem[..40];
        return $"{stem}-{DateTime.UtcNow:yyyyMMdd}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
    }
}
