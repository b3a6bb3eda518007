namespace Refheap.Python.Compiler;

/// <summary>A jump target: bound to an instruction index once emitted; jumps to it before then are patched.</summary>
internal sealed class Label
{
    /// <summary>The instruction it names, or -1 before it is bound.</summary>
    public int Target { get; set; } = -1;

    /// <summary>Instructions whose argument must become <see cref="Target"/>.</summary>
    public List<int> Patches { get; } = [];

    /// <summary>The stack height at the target, once known (-1: not yet).</summary>
    public int Depth { get; set; } = -1;
}
