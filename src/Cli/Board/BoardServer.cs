using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeepDsl.Cli.Board;

/// <summary>
/// deepdsl board's web server: Kestrel on one address, the pages and the JSON API over a runs folder, read-only (only GET
/// routes, and nothing here writes). Bound to the loopback address unless told otherwise, where it also answers only requests
/// addressed to a loopback name, so a web page elsewhere cannot reach it by rebinding its own DNS name to 127.0.0.1.
/// </summary>
internal static class BoardServer
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The web application for <paramref name="options"/>, configured and not yet started.</summary>
    public static WebApplication Build(BoardOptions options)
    {
        var address = Address(options.Host);
        // Production whatever ASPNETCORE_ENVIRONMENT says: Development would answer an error with the developer page, a stack trace.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port));
        builder.Services.AddHostFiltering(filter => filter.AllowedHosts = IPAddress.IsLoopback(address) ? ["localhost", "127.0.0.1", "[::1]"] : ["*"]);
        var app = builder.Build();
        app.UseHostFiltering();
        app.Use((context, next) =>
        {
            BoardHeaders.Add(context.Response);
            return next(context);
        });
        Map(app, new BoardRecords(options.RunsRoot));
        return app;
    }

    /// <summary>The address the started <paramref name="app"/> listens on, as a URL a browser opens (the port chosen when 0 was asked).</summary>
    public static string Url(WebApplication app)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return bound.TrimEnd('/') + "/";
    }

    private static void Map(WebApplication app, BoardRecords records)
    {
        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/runs/{experiment}/{id}", (string experiment, string id) =>
            BoardRunFolder.Find(BoardRoot.Of(records.Root), experiment, id) is null ? Results.NotFound() : Asset("run.html"));
        // The runs compared are the page's query (?run=EXPERIMENT/ID…): its script asks the API for each, through the same door.
        app.MapGet("/compare", () => Asset("compare.html"));
        app.MapGet("/assets/{name}", (string name) => Asset(name));
        app.MapGet("/api/runs", () => Results.Json(records.Runs(), Json));
        app.MapGet("/api/runs/{experiment}/{id}", (string experiment, string id) =>
            records.Page(experiment, id) is { } page ? Results.Json(page, Json) : Results.NotFound());
        var lrFinds = new BoardLrFinds(records.Root);
        app.MapGet("/lr-finds/{experiment}/{id}", (string experiment, string id) =>
            BoardRunFolder.FindLrFind(BoardRoot.Of(records.Root), experiment, id) is null ? Results.NotFound() : Asset("lr-find.html"));
        app.MapGet("/api/lr-finds", () => Results.Json(lrFinds.List(), Json));
        app.MapGet("/api/lr-finds/{experiment}/{id}", (string experiment, string id) =>
            lrFinds.Page(experiment, id) is { } page ? Results.Json(page, Json) : Results.NotFound());
        // Sweeps, and their trials' runs, through the same door (BoardRunFolder.FindSweep, FindTrial); a trial's page is the run page.
        var sweeps = new BoardSweepRecords(records.Root);
        app.MapGet("/sweeps/{name}", (string name) => BoardRunFolder.FindSweep(BoardRoot.Of(records.Root), name) is null ? Results.NotFound() : Asset("sweep.html"));
        app.MapGet("/sweeps/{name}/trials/{hash}", (string name, string hash) =>
            BoardRunFolder.FindTrial(BoardRoot.Of(records.Root), name, hash) is null ? Results.NotFound() : Asset("run.html"));
        app.MapGet("/api/sweeps", () => Results.Json(sweeps.Sweeps(), Json));
        app.MapGet("/api/sweeps/{name}", (string name) => sweeps.Page(name) is { } page ? Results.Json(page, Json) : Results.NotFound());
        app.MapGet("/api/sweeps/{name}/trials/{hash}", (string name, string hash) =>
            records.TrialPage(name, hash) is { } page ? Results.Json(page, Json) : Results.NotFound());
        // Both runs through the one door: a name of either that is no run it serves is 404.
        app.MapGet("/api/runs/{experiment}/{id}/diff/{otherExperiment}/{otherId}", (string experiment, string id, string otherExperiment, string otherId) =>
            records.Diff(experiment, id, otherExperiment, otherId) is { } diff ? Results.Json(diff, Json) : Results.NotFound());
    }

    private static IResult Asset(string name) =>
        BoardAssets.Find(name) is { } asset ? Results.Bytes(asset.Bytes, asset.ContentType) : Results.NotFound();

    // An IP address, or localhost (the loopback address: Kestrel cannot take a free port for the name itself).
    private static IPAddress Address(string host) =>
        host == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(host.Trim('[', ']'), out var address) ? address
        : throw new Errors.UsageException($"--host {host}: give an IP address to listen on (127.0.0.1, ::1, 0.0.0.0 for every interface) or localhost");
}
