namespace Refheap.Server;

/// <summary>How the server keeps its Tasks and Subtasks (<c>refheap serve --model</c>).</summary>
public enum ServerModel
{
    /// <summary>
    /// The talk's version 1: Task and Subtask live on the Refheap heap and each Subtask holds its
    /// Task strongly, so every Task is a cycle that only a full collection frees.
    /// </summary>
    Strong,

    /// <summary>The talk's version 2: the Subtask's back-reference is a weak reference, so a deleted Task dies at once.</summary>
    Weak,

    /// <summary>Plain .NET objects of the same shape under the .NET GC, for comparison.</summary>
    Managed,
}
