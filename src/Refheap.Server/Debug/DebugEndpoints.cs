using Microsoft.AspNetCore.WebUtilities;
using Refheap.Diagnostics.Heapy;
using Refheap.Server.Store;

namespace Refheap.Server.Debug;

/// <summary>
/// The diagnostics endpoints, each mapped only when its option is on (otherwise the path is
/// an unknown one: 404): <c>POST /debug/snapshot</c> (<c>--debug-endpoints</c>) and
/// <c>GET /debug/cycles</c> (<c>--cycle-report</c>). They are not Task or Subtask endpoints, so
/// <c>/stats</c> does not count them.
/// </summary>
internal static class DebugEndpoints
{
    /// <summary>The media type of a snapshot file (JSON lines).</summary>
    public const string SnapshotMediaType = "application/x-ndjson";

    /// <summary>Maps the endpoints <paramref name="options"/> turns on; <paramref name="cycles"/> is the heap models' cycle report.</summary>
    public static void Map(WebApplication app, ITaskStore store, ServerOptions options, CycleTally? cycles)
    {
        if (options.DebugEndpoints)
        {
            app.MapPost("/debug/snapshot", (HttpContext context) =>
                {
                    if (store is not HeapTaskStore heap)
                    {
                        return NoHeap("a heap snapshot");
                    }

                    // Taken under the runtime lock (requests wait for it); written out after, from the frozen copy.
                    var snapshot = HeapSnapshot.Take(heap.Runtime);
                    return Results.Stream(
                        async body =>
                        {
                            // The file's writer is synchronous and Kestrel's body is not: buffer (to a temp file once large).
                            await using var buffer = new FileBufferingWriteStream();
                            SnapshotFile.Write(snapshot, buffer);
                            await buffer.DrainBufferAsync(body, context.RequestAborted);
                        },
                        SnapshotMediaType,
                        fileDownloadName: "heap-snapshot.jsonl");
                })
                .WithName("TakeHeapSnapshot")
                .WithSummary("heapy's snapshot of the whole heap as a snapshot file (JSON lines; read it with refheap heap)")
                .Produces(StatusCodes.Status200OK, contentType: SnapshotMediaType)
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        if (options.CycleReport)
        {
            app.MapGet("/debug/cycles", () => cycles is null ? NoHeap("a cycle report") : Results.Ok(cycles.Read()))
                .WithName("GetCycleReport")
                .WithSummary("The garbage cycles every collection since the start found, by shape, with the references to make weak")
                .Produces<CycleReportSummary>()
                .ProducesProblem(StatusCodes.Status404NotFound);
        }
    }

    private static IResult NoHeap(string what) =>
        Results.Problem(
            detail: $"the managed model keeps plain .NET objects, so there is no Refheap heap to give {what} of (run --model strong or weak)",
            statusCode: StatusCodes.Status404NotFound,
            title: "No Refheap heap");
}
