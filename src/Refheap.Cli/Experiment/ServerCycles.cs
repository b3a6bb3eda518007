using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Refheap.Server.Debug;

namespace Refheap.Cli.Experiment;

/// <summary>
/// Reads a server's cumulative cycle report, <c>GET /debug/cycles</c>, which
/// <c>refheap serve --cycle-report</c> answers for the heap models (docs/server.md).
/// </summary>
public static class ServerCycles
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/debug/cycles";

    /// <summary>
    /// The report of the server at <paramref name="server"/>, or (null, why) when it has none: a
    /// 404 (started without <c>--cycle-report</c>, or the managed model), another status, no
    /// answer, or a body that is not a cycle report.
    /// </summary>
    public static async Task<(CycleReportSummary? Report, string? Error)> FetchAsync(HttpClient http, Uri server, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            using var response = await http.GetAsync(new Uri(server, Path), cancellation).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, response.StatusCode == HttpStatusCode.NotFound
                    ? $"{Path} answered 404 (a server started without --cycle-report, or the managed model)"
                    : $"{Path} answered {(int)response.StatusCode}");
            }

            var report = await response.Content.ReadFromJsonAsync<CycleReportSummary>(JsonSerializerOptions.Web, cancellation).ConfigureAwait(false);
            return report is null ? (null, $"{Path} answered null") : (report, null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            return (null, $"{Path}: {e.Message}");
        }
    }
}
