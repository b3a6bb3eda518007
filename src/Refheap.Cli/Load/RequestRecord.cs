namespace Refheap.Cli.Load;

/// <summary>
/// One load request as it happened: when it started (Unix milliseconds, sub-millisecond from a
/// stopwatch), which client sent it, the endpoint and path, the HTTP status (0: no answer —
/// the connection failed or timed out), the latency up to the last byte of the response, and
/// the tasks all clients held once it was sent.
/// </summary>
public readonly record struct RequestRecord(double StartUnixMs, int Client, EndpointKind Kind, string Path, int Status, double LatencyMs, int LiveTasks)
{
    /// <summary>Whether the server answered with a 2xx status, as every planned request expects.</summary>
    public bool Succeeded => Status is >= 200 and < 300;
}
