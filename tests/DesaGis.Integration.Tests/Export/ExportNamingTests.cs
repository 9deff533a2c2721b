using DesaGis.Core.Mapping;
using DesaGis.Data.Export;

namespace DesaGis.Integration.Tests.Export;

/// <summary>The pure rules behind exports: DBF field names and area parsing.</summary>
public class ExportNamingTests
{
    [Fact]
    public void Dbf_names_are_at_most_ten_characters_unique_and_stable()
    {
        var names = DbfFieldNames.Assign(["kode", "extreme_poor", "extreme_poor_households", "in_transmigration_area", "transmigration_area", "EXTREME_PO"]);
        Assert.Equal("kode", names["kode"]);
        Assert.Equal("extreme_po", names["extreme_poor"]);
        Assert.Equal("extreme_p1", names["extreme_poor_households"]);
        Assert.Equal("in_transmi", names["in_transmigration_area"]);
        Assert.Equal("transmigra", names["transmigration_area"]);
        Assert.Equal("EXTREME_P2", names["EXTREME_PO"]); // DBF names are case-insensitive
        Assert.All(names.Values, n => Assert.InRange(n.Length, 1, 10));
    }

    [Theory]
    [InlineData(null, "6304", null, null, AreaKind.Kabupaten, "kabupaten-63.04")]
    [InlineData(null, null, "63.04.01", null, AreaKind.Kecamatan, "kecamatan-63.04.01")]
    [InlineData(null, null, null, " 6304012001 ", AreaKind.Village, "desa-63.04.01.2001")]
    [InlineData("114.5,-3.2,114.8,-2.9", null, null, null, AreaKind.BoundingBox, "bbox")]
    public void Areas_parse_from_any_one_parameter(string? bbox, string? kab, string? kec, string? desa, AreaKind kind, string slug)
    {
        var area = ExportArea.TryCreate(bbox, kab, kec, desa, out var error);
        Assert.Null(error);
        Assert.Equal(kind, area!.Kind);
        Assert.Equal(slug, area.Slug);
    }

    [Fact]
    public void Poverty_classes_cover_every_rate_and_missing_figures()
    {
        Assert.Equal("nodata", PovertyClass.Of(null).Key);
        Assert.Equal("p0-5", PovertyClass.Of(0).Key);
        Assert.Equal("p5-10", PovertyClass.Of(5).Key);
        Assert.Equal("p20-30", PovertyClass.Of(29.99).Key);
        Assert.Equal("p30", PovertyClass.Of(100).Key);
    }
}
