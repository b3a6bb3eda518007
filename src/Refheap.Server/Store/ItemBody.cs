namespace Refheap.Server.Store;

/// <summary>
/// The optional JSON body of a PUT: the name to store, and a payload string stored beside it
/// so that the memory per Task or Subtask can be scaled (as the talk's server did).
/// </summary>
/// <param name="Name">Stored as the <c>name</c> attribute; absent or null: None (or left as it was on an existing object).</param>
/// <param name="Payload">Stored as the <c>payload</c> attribute when given.</param>
public sealed record ItemBody(string? Name = null, string? Payload = null)
{
    /// <summary>No body: a new object gets name None and no payload; an existing one is left as it is.</summary>
    public static ItemBody Empty { get; } = new();
}
