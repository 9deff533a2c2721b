using DesaGis.Server.Configuration;
using DesaGis.Server.Endpoints;
using DesaGis.Server.Hosting;
using DesaGis.Server.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddDesaGisOptions();
builder.Services.AddDesaGisProblemDetails();
builder.Services.AddDesaGisDatabase();
builder.Services.AddDesaGisHttp();

var app = builder.Build();

app.UseDesaGisErrorHandling();
app.UseDesaGisHttp();

app.MapHealthEndpoints();
app.MapViewerEndpoints();

app.Run();

/// <summary>The server's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
