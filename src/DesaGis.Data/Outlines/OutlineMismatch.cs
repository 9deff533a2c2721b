namespace DesaGis.Data.Outlines;

/// <summary>
/// A kecamatan or kabupaten whose own outline disagrees with its villages: missing (no polygon), or leaving out more
/// than <see cref="OutlineBuilder.OutsideThreshold"/> of the villages' area. Vertices count the outline's points and
/// the points of its villages' polygons together, a measure of how much detail each carries.
/// </summary>
public sealed record OutlineMismatch(
    OutlineLevel Level, string Kode, string Nama, int Villages, int? OutlineVertices, int VillageVertices, double? ShareOutside)
{
    public bool Missing => OutlineVertices is null;

    public override string ToString() => Missing
        ? $"{Level.ToString().ToLowerInvariant()} {Kode} {Nama}: no outline, {Villages} villages have polygons"
        : $"{Level.ToString().ToLowerInvariant()} {Kode} {Nama}: outline of {OutlineVertices} vertices against its {Villages} villages' " +
          $"{VillageVertices}; {ShareOutside * 100:0.#} % of their area lies outside it";
}
