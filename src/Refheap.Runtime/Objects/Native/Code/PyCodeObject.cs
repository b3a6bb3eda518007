using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Code;

/// <summary>
/// A code object: what the compiler made of one function, class body or module.
/// <code>
///  0 RefCount, Type    16 Slot (index of the managed payload)   24 Consts (tuple)
/// 32 Names (tuple)     40 VarNames (tuple: locals, then cells, then free variables)
/// 48 Name (str)        56 FileName (str)      64 Lines (int per instruction, native)
/// 72 InstructionCount, FirstLine              80 LocalCount, CellCount
/// 88 FreeCount, Flags                         96 WeakList   104 ZombieFrame
/// 112 StackSize
/// </code>
/// The instructions themselves are managed (the payload the front end reaches through
/// <see cref="Slot"/>); everything the collector or a frame's attributes need is here.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyCodeObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>Index of the front end's managed payload in <see cref="CodeType"/>'s table.</summary>
    public nint Slot;

    /// <summary>The constants (a tuple; nested code objects among them); owned.</summary>
    public PyObject* Consts;

    /// <summary>Global and attribute names (a tuple of interned str); owned.</summary>
    public PyObject* Names;

    /// <summary>Names of the fast locals, cells and free variables, in frame-slot order; owned.</summary>
    public PyObject* VarNames;

    /// <summary><c>co_name</c>; owned.</summary>
    public PyObject* Name;

    /// <summary><c>co_filename</c>; owned.</summary>
    public PyObject* FileName;

    /// <summary>The source line of each instruction (a buffer of <see cref="InstructionCount"/> ints).</summary>
    public int* Lines;

    /// <summary>Instructions, and entries in <see cref="Lines"/>.</summary>
    public int InstructionCount;

    /// <summary><c>co_firstlineno</c>.</summary>
    public int FirstLine;

    /// <summary>Fast locals (arguments first).</summary>
    public int LocalCount;

    /// <summary>Cells of this scope's own variables captured by nested scopes.</summary>
    public int CellCount;

    /// <summary>Free variables (cells of enclosing scopes).</summary>
    public int FreeCount;

    /// <summary><see cref="CodeFlags"/>.</summary>
    public int Flags;

    /// <summary>Head of the weak references to this code object.</summary>
    public PyObject* WeakList;

    /// <summary>
    /// A dead frame of this code kept for its next call (2.7's co_zombieframe): a block holding
    /// no references and not counting as a reference to the code; freed with the code.
    /// </summary>
    public PyObject* ZombieFrame;

    /// <summary>The deepest the value stack gets (<c>co_stacksize</c>; Refheap's compiler's count).</summary>
    public int StackSize;
}
