using DesaGis.Data.Import;

namespace DesaGis.Data.Geodata;

/// <summary>
/// The real places shipped in the repository: <c>geodata/real</c> (boundaries, codes and figures of four regencies,
/// derived from the shared geodata by <see cref="GeodataDeriver"/>) and <c>geodata/contoh</c> (example partner
/// programmes on real villages, labelled "contoh"). Both load through the same <see cref="Importer"/> as any user file.
/// </summary>
public static class BundledGeodata
{
    public const string RealDirectory = "geodata/real";
    public const string ExamplesDirectory = "geodata/contoh";

    public const string Provinsi = "provinsi.geojson";
    public const string Kabupaten = "kabupaten.geojson";
    public const string Kecamatan = "kecamatan.geojson";
    public const string Desa = "desa.geojson";
    public const string Crosswalk = "bps_kemendagri.csv";
    public const string PopulationArea = "penduduk_luas_kabkota.csv";
    public const string Poverty = "kemiskinan_kabkota.csv";
    public const string Idm = "idm_desa.csv";
    public const string Transmigration = "transmigrasi_desa.geojson";
    public const string Partners = "partner.csv";
    public const string Programs = "program.csv";

    /// <summary>Codes of example partners and programmes start with this, and their names end with " (contoh)".</summary>
    public const string ExampleCodePrefix = "CONTOH-";

    /// <summary>The poverty table states no year; it is recorded under the same year as <c>desagis import all</c> uses.</summary>
    public const int PovertyYear = SharedGeodataPlan.DefaultPovertyYear;

    /// <summary>The files of the real dataset, in load order.</summary>
    public static IReadOnlyList<string> RealFiles { get; } =
        [Provinsi, Kabupaten, Kecamatan, Desa, Crosswalk, PopulationArea, Poverty, Idm, Transmigration];

    /// <summary>The files of the examples, in load order.</summary>
    public static IReadOnlyList<string> ExampleFiles { get; } = [Partners, Programs];

    /// <summary>The imports that load the real dataset and (when <paramref name="examplesDirectory"/> is given) the examples.</summary>
    public static IReadOnlyList<SharedGeodataStep> Steps(string realDirectory, string? examplesDirectory)
    {
        var steps = new List<SharedGeodataStep>
        {
            Step("provinsi boundaries", realDirectory, Provinsi, ImportTarget.Provinsi),
            Step("kabupaten boundaries", realDirectory, Kabupaten, ImportTarget.Kabupaten),
            Step("kecamatan boundaries", realDirectory, Kecamatan, ImportTarget.Kecamatan),
            // The source's kecamatan outlines are much coarser than its villages (Sakra: 12 vertices, 7 % of its villages
            // outside): the outlines of these regencies are built from their villages, so that the map agrees with itself.
            Step("desa/kelurahan boundaries (and kecamatan/kabupaten outlines built from them)", realDirectory, Desa, ImportTarget.Desa,
                outlines: ImportOutlines.Build),
            Step("BPS ↔ Kemendagri codes", realDirectory, Crosswalk, null, "bps-crosswalk"),
            Step("kabupaten population and area", realDirectory, PopulationArea, null, "penduduk-luas"),
            Step($"kabupaten poverty rate P0 (recorded as {PovertyYear})", realDirectory, Poverty, null, "kemiskinan", PovertyYear),
            Step("IDM village scores", realDirectory, Idm, null, "idm"),
            Step("transmigration settlement villages", realDirectory, Transmigration, null, "transmigrasi-desa"),
        };
        if (examplesDirectory is not null)
        {
            steps.Add(Step("example partners (contoh)", examplesDirectory, Partners, ImportTarget.Partner));
            steps.Add(Step("example programmes on real villages (contoh)", examplesDirectory, Programs, ImportTarget.Program));
        }
        var missing = steps.Select(s => s.Request.Path).Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
            throw new ImportException(
                $"Missing {string.Join(", ", missing)}; derive the dataset again with 'desagis geodata derive --from ../shared/geodata'.");
        return steps;

        static SharedGeodataStep Step(string title, string directory, string file, ImportTarget? target, string? preset = null, int? year = null,
            ImportOutlines outlines = ImportOutlines.Check) =>
            new(title, new ImportRequest { Path = Path.Combine(directory, file), Target = target, Preset = preset, Year = year, Outlines = outlines });
    }
}
