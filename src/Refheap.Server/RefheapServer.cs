using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Refheap.Server.Http;
using Refheap.Server.Store;

namespace Refheap.Server;

/// <summary>
/// The talk's Task/Subtask REST server on Kestrel, hosted in this process: start it with
/// <see cref="StartAsync"/>, read where it listens from <see cref="Urls"/>, stop it by
/// disposing. <c>refheap serve</c> runs one until Ctrl+C.
/// </summary>
/// <remarks>
/// Endpoints, options and the <c>/stats</c> schema are in docs/server.md. Logging goes to
/// stderr, warnings and up only, so stdout carries nothing but what the host prints.
/// </remarks>
public sealed class RefheapServer : IAsyncDisposable
{
    /// <summary>The ASP.NET Core meters exported beside <see cref="RuntimeMetrics.MeterName"/>.</summary>
    private static readonly string[] s_aspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    private readonly WebApplication _app;
    private bool _disposed;

    private RefheapServer(WebApplication app, ITaskStore store, ServerOptions options, IReadOnlyList<string> urls)
    {
        _app = app;
        Store = store;
        Options = options;
        Urls = urls;
    }

    /// <summary>What it runs.</summary>
    public ServerOptions Options { get; }

    /// <summary>The addresses it listens on, with the real port where port 0 was asked for.</summary>
    public IReadOnlyList<string> Urls { get; }

    /// <summary>The store behind the endpoints (tests reach the heap's collector through it).</summary>
    internal ITaskStore Store { get; }

    /// <summary>Builds the server, binds its addresses and starts answering requests.</summary>
    /// <exception cref="IOException">An address is taken.</exception>
    /// <exception cref="InvalidOperationException">An address is not a URL Kestrel can bind.</exception>
    public static async Task<RefheapServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBodyBytes);
        ITaskStore store = options.Model == ServerModel.Managed
            ? new ManagedTaskStore(options.Profile)
            : new HeapTaskStore(options.Model, options.Profile, options.RuntimeOptions);
        WebApplication? app = null;
        try
        {
            app = Build(options, store);
            await app.StartAsync(cancellationToken);
            var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
            return new RefheapServer(app, store, options, urls);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            store.Dispose();
            throw;
        }
    }

    /// <summary>Completes when the host is asked to stop: Ctrl+C or SIGTERM, or <paramref name="cancellationToken"/>.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops answering, then releases the heap.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
    }

    private static WebApplication Build(ServerOptions options, ITaskStore store)
    {
        // The content root is the program's folder, so an appsettings.json in the working
        // directory does not change the server.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddProblemDetails();

        // Numbers are numbers: the web defaults would also read them from strings, and the
        // OpenAPI schemas would say "integer or string".
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, context, cancellationToken) =>
        {
            TaskEndpoints.RestoreTrailingSlashes(document.Paths);
            return Task.CompletedTask;
        }));
        builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("refheap-server")).WithMetrics(metrics => metrics
            .AddMeter(RuntimeMetrics.MeterName)
            .AddMeter(s_aspNetCoreMeters)
            .AddPrometheusExporter());

        var app = builder.Build();
        app.UseExceptionHandler();

        // Errors that come without a body (a bad ?pausesSince, an unknown path, a wrong method) get problem details too.
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint();
        TaskEndpoints.Map(app, store, options.MaxBodyBytes, new RequestCounter());
        return app;
    }
}
