namespace Refheap.Cli.Load;

/// <summary>
/// One request of a client's plan: the endpoint, the path it goes to (relative to the server
/// URL), the JSON body of a PUT (null for none) and the tasks the client holds once it is sent.
/// </summary>
public readonly record struct PlannedRequest(EndpointKind Kind, string Path, string? Body, int LiveTasks);
