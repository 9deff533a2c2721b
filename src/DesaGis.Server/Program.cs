using DesaGis.Server.Configuration;
using DesaGis.Server.Endpoints;
using DesaGis.Server.Hosting;
using DesaGis.Server.Http;
using DesaGis.Server.Ogc;
using DesaGis.Server.Ows;
using DesaGis.Server.Planner;
using DesaGis.Server.Registry;
using DesaGis.Server.Security;
using DesaGis.Server.Tiles;

var builder = WebApplication.CreateBuilder(args);

builder.AddDesaGisOptions();
builder.Services.AddDesaGisProblemDetails();
builder.Services.AddDesaGisDatabase();
builder.Services.AddDesaGisHttp();
builder.AddDesaGisSecurity();
builder.Services.AddDesaGisFeatures();
builder.Services.AddDesaGisOpenApi();
builder.Services.AddDesaGisPlanner();
builder.Services.AddDesaGisRegistry();
builder.Services.AddDesaGisExports();
builder.Services.AddDesaGisTiles();
builder.Services.AddDesaGisOws();
builder.Services.AddDesaGisCostControl();

var app = builder.Build();

app.UseDesaGisErrorHandling();
app.UseDesaGisHttp();
app.UseDesaGisSecurity();
app.UseDesaGisCostControl();

app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapAdminImportEndpoints();
app.MapAdminIndicatorImportEndpoints();
app.MapLandingEndpoints();
app.MapConformanceEndpoints();
app.MapCollectionsEndpoints();
app.MapItemsEndpoints();
app.MapProgramWriteEndpoints();
app.MapRegistryEndpoints();
app.MapProgramGapEndpoints();
app.MapQueryablesEndpoints();
app.MapSearchEndpoints();
app.MapIndicatorEndpoints();
app.MapOpenApiEndpoints();
app.MapPlannerEndpoints();
app.MapExportEndpoints();
app.MapDesaGisTiles();
app.MapDesaGisOws();
app.MapViewerEndpoints();

app.Run();

/// <summary>The server's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
