using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Refheap.Cli.Load;

/// <summary>
/// Sends the load: <see cref="LoadSettings.Clients"/> clients at once over one HttpClient, each
/// following its seeded <see cref="ClientPlan"/>, until the request count or the time limit is
/// reached. Every request is recorded; <c>/stats</c> is read before the first request, after
/// every <see cref="LoadSettings.StatsEvery"/> completed requests and at the end.
/// </summary>
public sealed class LoadRunner
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly LoadSettings _settings;
    private readonly HttpClient _http;
    private readonly Action<long>? _progress;
    private readonly SemaphoreSlim _sampling = new(1, 1);
    private readonly List<StatsSample> _samples = [];
    private readonly List<CollectorPause> _pauses = [];
    private readonly Stopwatch _clock = new();
    private double _startUnixMs;
    private TimeSpan _loadStart; // on _clock: after the first /stats, which a cold server takes long to answer
    private long _claimed;
    private long _completed;
    private int _liveTasks;
    private int _samplingErrors;

    /// <summary>
    /// A runner sending through <paramref name="http"/> (which it does not dispose);
    /// <paramref name="progress"/> hears the count of completed requests now and then.
    /// </summary>
    public LoadRunner(LoadSettings settings, HttpClient http, Action<long>? progress = null)
    {
        _settings = settings;
        _http = http;
        _progress = progress;
    }

    /// <summary>
    /// An HttpClient for <paramref name="settings"/>: one connection per client, no redirects
    /// (requests go to the given server only), a generous timeout (a full collection of a large
    /// heap stalls a request for seconds; a request with no answer is recorded with status 0).
    /// </summary>
    public static HttpClient CreateHttpClient(LoadSettings settings) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Clients + 1, // + the /stats sampler
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Runs the load and returns what it recorded.</summary>
    /// <exception cref="CommandLineErrorException">The server did not answer the first <c>/stats</c>.</exception>
    public async Task<LoadResult> RunAsync(CancellationToken cancellation = default)
    {
        _startUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _clock.Start();
        try
        {
            await SampleAsync(0, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidDataException)
        {
            throw new CommandLineErrorException($"no answer from {_settings.ServerUrl}stats: {e.Message}", ExitCodes.Failure);
        }

        _loadStart = _clock.Elapsed;
        var clients = Enumerable.Range(0, _settings.Clients).Select(c => Task.Run(() => RunClientAsync(c, cancellation), cancellation)).ToList();
        var records = (await Task.WhenAll(clients).ConfigureAwait(false)).SelectMany(r => r).OrderBy(r => r.StartUnixMs).ToList();
        var elapsed = _clock.Elapsed - _loadStart;
        await TrySampleAsync(_completed, cancellation).ConfigureAwait(false);
        _progress?.Invoke(_completed);
        return new LoadResult(_settings, _startUnixMs + _loadStart.TotalMilliseconds, elapsed, records, [.. _samples.OrderBy(s => s.RequestIndex)], _pauses, _samplingErrors);
    }

    private async Task<List<RequestRecord>> RunClientAsync(int client, CancellationToken cancellation)
    {
        var plan = _settings.PlanOf(client);
        var records = new List<RequestRecord>();
        var alive = 0; // this client's share of _liveTasks
        while (_clock.Elapsed - _loadStart < _settings.Duration && Interlocked.Increment(ref _claimed) <= _settings.Requests)
        {
            var request = plan.Next();
            var live = Interlocked.Add(ref _liveTasks, request.LiveTasks - alive);
            alive = request.LiveTasks;
            records.Add(await SendAsync(client, request, live, cancellation).ConfigureAwait(false));

            var completed = Interlocked.Increment(ref _completed);
            if (completed % _settings.StatsEvery == 0)
            {
                await TrySampleAsync(completed, cancellation).ConfigureAwait(false);
            }

            if (completed % 256 == 0)
            {
                _progress?.Invoke(completed);
            }
        }

        return records;
    }

    private async Task<RequestRecord> SendAsync(int client, PlannedRequest request, int live, CancellationToken cancellation)
    {
        using var message = new HttpRequestMessage(EndpointKinds.Method(request.Kind), new Uri(_settings.ServerUrl, request.Path.TrimStart('/')));
        if (request.Body != null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        var start = _clock.Elapsed;
        int status;
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellation).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            status = 0;
        }

        var end = _clock.Elapsed;
        return new RequestRecord(_startUnixMs + start.TotalMilliseconds, client, request.Kind, request.Path, status, (end - start).TotalMilliseconds, live);
    }

    // A failed sample mid-run is counted and left out: one lost point should not end the run.
    private async Task TrySampleAsync(long requestIndex, CancellationToken cancellation)
    {
        try
        {
            await SampleAsync(requestIndex, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidDataException || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            Interlocked.Increment(ref _samplingErrors);
        }
    }

    // One sample at a time, so that the pausesSince cursor moves forward once per answer.
    private async Task SampleAsync(long requestIndex, CancellationToken cancellation)
    {
        await _sampling.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            // Until a pause has been seen, ask for all the server kept (its numbering may start at 0).
            long? since = _pauses.Count > 0 ? _pauses[^1].Seq : null;
            var live = Volatile.Read(ref _liveTasks);
            var query = since is { } seq ? $"stats?pausesSince={seq}" : "stats";
            using var response = await _http.GetAsync(new Uri(_settings.ServerUrl, query), cancellation).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new HttpRequestException($"/stats answered {(int)response.StatusCode}");
            }

            var stats = await response.Content.ReadFromJsonAsync<ServerStats>(s_json, cancellation).ConfigureAwait(false)
                ?? throw new InvalidDataException("/stats answered null");
            _pauses.AddRange(stats.Pauses.Where(p => since == null || p.Seq > since).OrderBy(p => p.Seq));
            _samples.Add(new StatsSample(requestIndex, _clock.Elapsed.TotalMilliseconds, live, stats with { Pauses = [] }));
        }
        finally
        {
            _sampling.Release();
        }
    }
}
