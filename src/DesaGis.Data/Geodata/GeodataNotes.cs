using System.Text;

namespace DesaGis.Data.Geodata;

/// <summary>The licence, SOURCE and README texts written beside the derived data.</summary>
internal static class GeodataNotes
{
    public const string MitLicence =
        """
        The boundaries, codes, names, population and area figures in this folder come from two repositories of
        Cahya DSN, both under the MIT licence:

          - cahyadsn/wilayah_boundaries (polygons): Copyright (c) 2024 Cahya DSN
          - cahyadsn/wilayah (codes, names, population, area): Copyright (c) 2017-2025 Cahya DSN

        MIT License

        Permission is hereby granted, free of charge, to any person obtaining a copy
        of this software and associated documentation files (the "Software"), to deal
        in the Software without restriction, including without limitation the rights
        to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
        copies of the Software, and to permit persons to whom the Software is
        furnished to do so, subject to the following conditions:

        The above copyright notice and this permission notice shall be included in all
        copies or substantial portions of the Software.

        THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
        OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
        SOFTWARE.

        """;

    public static string Source(IReadOnlyList<(string File, string Sha256)> inputs, IReadOnlyDictionary<string, int> rows,
        IReadOnlyDictionary<string, long> sizes)
    {
        var sb = new StringBuilder();
        sb.Append(
            """
            # geodata/real — real places: Lombok Timur, Ketapang, Kapuas Hulu, Barito Kuala

            **This folder is generated; do not edit it by hand.** It was written by

                desagis geodata derive --from ../shared/geodata

            (`src/DesaGis.Data/Geodata/GeodataDeriver.cs`) from the shared Indonesian geodata kept beside the repository
            (`../shared/geodata`; each of its folders has a SOURCE.md naming the repository, commit and licence). A test
            derives it again and compares the bytes whenever that folder is present. `make run` and `make test` load it with
            `desagis geodata load`, which runs the same importer as `desagis import` (one import per file, all in one
            transaction).

            ## What was done

            - **Regencies kept:** Kemendagri 52.03 Lombok Timur (BPS 5203), 61.04 Ketapang (BPS 6106), 61.06 Kapuas Hulu
              (BPS 6108), 63.04 Barito Kuala (BPS 6304), and their provinces 52, 61, 63. Every row outside them was dropped.
            - **Boundaries** (`provinsi`, `kabupaten`, `kecamatan`, `desa` .geojson): read as the importer reads them
              (unclosed rings closed), made valid with NTS `GeometryFixer` (the source has nested shells and
              self-intersections), then snapped to a 0.00001° grid (about 1 m) with NTS `GeometryPrecisionReducer`, which
              keeps the result valid and the edges villages share identical. No other simplification: the source is
              already simplified. Properties kept: `kode`, `nama` (trimmed), and `jenis` (the source's `tingkat`:
              kabupaten/kota, desa/kelurahan). One feature per line, sorted by code.
            - **Outlines:** the kecamatan and kabupaten polygons are the source's own. Most kecamatan are much coarser than
              their villages (Sakra, 52.03.02, has 12 vertices against its villages' 857, and 7 % of their area lies
              outside it), so `desagis geodata load` imports the villages with `--outlines build`: the kecamatan and
              kabupaten outlines of these regencies are replaced by the union of their villages, with the hairline gaps
              between neighbouring villages (holes under 10 ha) filled (docs/importing.md, "Outlines"). The files keep
              the source's outlines, so the mismatch can be seen with `desagis outlines check`.
            - **CSV tables** are the source rows of the kept regencies with every column as it is:
              `bps_kemendagri.csv` (the 2020 BPS ↔ Kemendagri bridge: the 3 provinces, the 4 regencies and their
              kecamatan), `penduduk_luas_kabkota.csv` (population, Kepmendagri 300.2.2-2138/2025; area, BIG 2024),
              `kemiskinan_kabkota.csv` (P0 poverty rate; **the source states no year**; loaded as
            """);
        sb.Append($" {BundledGeodata.PovertyYear}");
        sb.Append(
            """
            , the year `desagis import all` uses), `idm_desa.csv` (Kemendesa IDM scores and statuses 2021–2024; the source
              has them for 11 villages of Lombok Timur and none of the Kalimantan regencies — the other villages have **no**
              IDM figure, and DesaGis shows them as "no data").
            - **Transmigration** (`transmigrasi_desa.geojson`): the settlement villages (SIBARDUKTRANS matched to BIG 2023
              polygons) of the kept regencies, polygons treated as above.

            ## Licences

            - Boundaries, codes, names, population and area: **MIT**, Cahya DSN — see `LICENSE-cahyadsn.txt`.
            - BPS ↔ Kemendagri bridge (zakiego/relasi-bps-kemendagri), P0 table (abesttar, from Kaggle
              ermila/klasifikasi-kemiskinan, BPS indicator names), IDM (andifahruddinakas/api-idm, a cache of the
              Kemendesa open API) and transmigration villages (kamilramadhan, SIBARDUKTRANS + BIG): **no licence stated**
              by those repositories; the figures are public government statistics (BPS, Kemendesa, Kementrans, BIG), kept
              here with their source named on every imported row.

            ## Files

            | file | rows | bytes |
            |---|---|---|

            """);
        foreach (var file in BundledGeodata.RealFiles)
            sb.Append($"| `{file}` | {rows.GetValueOrDefault(file)} | {sizes.GetValueOrDefault(file)} |\n");
        sb.Append($"\nTotal {sizes.Values.Sum()} bytes.\n");
        sb.Append("\n## Inputs (paths under ../shared/geodata, SHA-256)\n\n");
        foreach (var (file, sha) in inputs) sb.Append($"- `{file}` `{sha}`\n");
        return sb.ToString();
    }

    public static string ExamplesReadme((int Programs, int Links, IReadOnlyList<string> Lines) examples)
    {
        var sb = new StringBuilder();
        sb.Append(
            """
            # geodata/contoh — example partner programmes (contoh) on real villages

            **These programmes and partners are invented.** No public source says which partner works in which village, so
            DesaGis ships a few examples to show the programme layer and the planner's partner criteria on real places.
            Every partner and programme here is named "… (contoh)" and coded `CONTOH-…`; the villages are real (from
            `geodata/real`). Written by `desagis geodata derive` with the real dataset; loaded by `desagis geodata load`
            (leave them out with `--no-examples`); removed by `desagis demo unload`.

            """);
        sb.Append($"{examples.Programs} programmes, {examples.Links} village links:\n\n");
        foreach (var line in examples.Lines) sb.Append(line).Append('\n');
        return sb.ToString();
    }
}
