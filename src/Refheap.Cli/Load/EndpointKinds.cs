namespace Refheap.Cli.Load;

/// <summary>The names of <see cref="EndpointKind"/> in CSV files and tables.</summary>
public static class EndpointKinds
{
    /// <summary>snake_case: <c>put_task</c>, <c>put_subtask</c>, <c>get_task</c>, <c>get_subtask</c>, <c>delete_task</c>.</summary>
    public static string Name(EndpointKind kind) => kind switch
    {
        EndpointKind.PutTask => "put_task",
        EndpointKind.PutSubtask => "put_subtask",
        EndpointKind.GetTask => "get_task",
        EndpointKind.GetSubtask => "get_subtask",
        EndpointKind.DeleteTask => "delete_task",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The HTTP method the endpoint answers.</summary>
    public static HttpMethod Method(EndpointKind kind) => kind switch
    {
        EndpointKind.PutTask or EndpointKind.PutSubtask => HttpMethod.Put,
        EndpointKind.DeleteTask => HttpMethod.Delete,
        _ => HttpMethod.Get,
    };
}
