namespace Refheap.Server.Store;

/// <summary>What a PUT did.</summary>
public enum PutOutcome
{
    /// <summary>A new Task or Subtask was made (201).</summary>
    Created,

    /// <summary>It existed; the body's name and payload, if given, replaced its own (200).</summary>
    Existed,

    /// <summary>The Subtask's Task is not in the index (404).</summary>
    TaskMissing,

    /// <summary>The Subtask id already belongs to another Task (409).</summary>
    Conflict,
}
