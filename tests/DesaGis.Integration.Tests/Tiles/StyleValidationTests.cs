using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Tiles;

public class StyleValidationTests
{
    [Fact]
    public async Task The_DesaGis_style_passes_the_MapLibre_style_spec_validator()
    {
        var tooling = RepositoryPaths.Combine("styles", "tooling");
        Assert.True(Directory.Exists(Path.Combine(tooling, "node_modules", "@maplibre", "maplibre-gl-style-spec")),
            "The style validator is not installed: run 'scripts/deps.sh test' (npm ci in styles/tooling).");
        var output = await TileDecoding.RunAsync("node", Path.Combine(tooling, "validate.mjs"), RepositoryPaths.Combine("styles", "desagis.json"));
        Assert.EndsWith("desagis.json: valid", output.Trim());
    }
}
