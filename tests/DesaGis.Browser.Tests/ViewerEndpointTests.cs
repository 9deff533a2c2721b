using System.Net;
using DesaGis.Browser.Tests.Infrastructure;
using DesaGis.Testing;
using Microsoft.AspNetCore.Hosting;

namespace DesaGis.Browser.Tests;

/// <summary>How the server serves the built viewer at /viewer/.</summary>
public class ViewerEndpointTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    [Fact]
    public async Task The_viewer_page_is_served_at_viewer_slash_and_revalidated_on_every_load()
    {
        ViewerBuild.EnsureBuilt();
        await using var server = new DesaGisServer(db);
        var client = server.CreateClient();
        using var response = await client.GetAsync("/viewer/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, "index.html must be revalidated so a new build shows at once");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"map\"", html);
        Assert.DoesNotContain("%SCRIPT%", html);
        // Everything the page loads comes from this server: no CDN, so it works with no internet.
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_answer_304_to_a_matching_etag()
    {
        ViewerBuild.EnsureBuilt();
        await using var server = new DesaGisServer(db);
        var client = server.CreateClient();
        var html = await client.GetStringAsync("/viewer/");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"\\./(assets/viewer-[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        using var response = await client.GetAsync("/viewer/" + script);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/viewer/" + script);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_MapLibre_worker_sits_beside_the_bundle_as_a_javascript_module()
    {
        ViewerBuild.EnsureBuilt();
        var worker = Directory.GetFiles(Path.Combine(ViewerBuild.DistFolder, "assets"), "maplibre-gl-worker-*.mjs").Single();
        await using var server = new DesaGisServer(db);
        using var response = await server.CreateClient().GetAsync("/viewer/assets/" + Path.GetFileName(worker));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Viewer_without_a_slash_redirects_to_the_page_keeping_the_query()
    {
        await using var server = new DesaGisServer(db);
        var client = server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/viewer?lang=en");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/viewer/?lang=en", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/viewer/no-such-file.js")]
    [InlineData("/viewer/..%2F..%2FProgram.cs")]
    [InlineData("/viewer/assets/..%2F..%2F..%2Fappsettings.json")]
    public async Task A_file_outside_the_build_is_a_problem_json_404(string path)
    {
        ViewerBuild.EnsureBuilt();
        await using var server = new DesaGisServer(db);
        using var response = await server.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_built_viewer_the_server_still_starts_and_says_to_run_make_viewer()
    {
        var emptyWebRoot = Directory.CreateTempSubdirectory("desagis-no-viewer-");
        try
        {
            await using var server = new EmptyWebRootServer(db, emptyWebRoot.FullName);
            var client = await server.CreateReadyClientAsync();
            using var response = await client.GetAsync("/viewer/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("urn:desagis:problem:viewer-not-built", body);
            Assert.Contains("make viewer", body);
            using var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            emptyWebRoot.Delete(recursive: true);
        }
    }

    private sealed class EmptyWebRootServer(PostgisDatabase db, string webRoot) : DesaGisServer(db)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseWebRoot(webRoot);
        }
    }
}
