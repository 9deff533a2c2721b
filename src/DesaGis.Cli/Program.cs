using System.CommandLine;
using DesaGis.Cli.Commands;

var root = new RootCommand("DesaGis: village maps, pilot-village planning and field exports for Indonesian village development.");
root.Subcommands.Add(DbCommands.Create());
root.Subcommands.Add(KeysCommands.Create());
root.Subcommands.Add(DemoCommands.Create());
root.Subcommands.Add(GeodataCommands.Create());
root.Subcommands.Add(ImportCommands.Create());
root.Subcommands.Add(OutlinesCommands.Create());
root.Subcommands.Add(PlanCommand.Create());
root.Subcommands.Add(ExportCommands.Create());
root.Subcommands.Add(TilesCommands.Create());

return await root.Parse(args).InvokeAsync();
