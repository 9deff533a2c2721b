using System.CommandLine;
using DesaGis.Cli.Commands;
using DesaGis.Data.Demo;

namespace DesaGis.Integration.Tests.Demo;

public class DemoCommandTests
{
    private static Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { DemoCommands.Create() };
        return root.Parse(args).InvokeAsync();
    }

    [Fact]
    public async Task Demo_generate_writes_every_file_of_the_dataset()
    {
        using var dir = new TempDirectory();
        int exit = await RunAsync("demo", "generate", "--seed", "4", "--villages", "90", "--out", dir.Path);
        Assert.Equal(0, exit);
        Assert.All(DemoFiles.Data, f => Assert.True(File.Exists(dir.File(f)), $"{f} was not written"));
        var readme = File.ReadAllText(dir.File(DemoFiles.Readme));
        Assert.Contains("desagis demo generate --seed 4 --villages 90", readme);
        Assert.Contains("| desa/kelurahan | 90 ", readme);
    }

    [Fact]
    public async Task Demo_generate_refuses_an_impossible_size_without_writing()
    {
        using var dir = new TempDirectory();
        int exit = await RunAsync("demo", "generate", "--villages", "3", "--out", dir.Path);
        Assert.Equal(2, exit);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
