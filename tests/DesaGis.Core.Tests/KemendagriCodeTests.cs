using DesaGis.Core.Codes;

namespace DesaGis.Core.Tests;

public class KemendagriCodeTests
{
    [Theory]
    [InlineData("63.04.01.2001", AdminLevel.Desa)]
    [InlineData("6304012001", AdminLevel.Desa)]
    [InlineData("63.04.01", AdminLevel.Kecamatan)]
    [InlineData("630401", AdminLevel.Kecamatan)]
    [InlineData("61.06", AdminLevel.Kabupaten)]
    [InlineData("52", AdminLevel.Provinsi)]
    public void Dotted_and_digit_codes_parse_to_the_same_level(string text, AdminLevel level)
    {
        var code = KemendagriCode.Parse(text);
        Assert.Equal(level, code.Level);
        Assert.Equal(code.Dotted.Replace(".", ""), code.Digits);
    }

    [Fact]
    public void Digit_codes_become_dotted()
    {
        Assert.Equal("63.04.01.2001", KemendagriCode.Parse(" 6304012001 ").Dotted);
    }

    [Fact]
    public void Parents_follow_the_code()
    {
        var desa = KemendagriCode.Parse("52.03.02.2001");
        Assert.Equal("52.03.02", desa.Parent!.Dotted);
        Assert.Equal("52.03", desa.Parent!.Parent!.Dotted);
        Assert.Equal("52", desa.AncestorAt(AdminLevel.Provinsi).Dotted);
        Assert.Null(KemendagriCode.Parse("52").Parent);
    }

    [Fact]
    public void Kelurahan_are_numbered_from_1000_and_desa_from_2000()
    {
        Assert.True(KemendagriCode.Parse("63.04.01.1001").IsKelurahan);
        Assert.False(KemendagriCode.Parse("63.04.01.2001").IsKelurahan);
    }

    [Theory]
    [InlineData("")]
    [InlineData("63.4")]
    [InlineData("6304012")]
    [InlineData("63-04-01")]
    [InlineData("63.04.01.2001'; DROP TABLE desa;--")]
    public void Anything_else_is_not_a_code(string text)
    {
        Assert.Null(KemendagriCode.TryParse(text));
    }
}
