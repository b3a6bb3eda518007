using System.Diagnostics;
using Refheap.Objects;

namespace Refheap.Gc;

/// <summary>
/// Operations on the circular doubly linked lists of GC headers (a generation, the
/// unreachable set, the finalizers). A list is a sentinel <see cref="GcHead"/>; an empty
/// list points at itself. Outside a collection, Prev's two low bits are flags
/// (<see cref="GcBits"/>), so every read of a back link masks them.
/// </summary>
internal static unsafe class GcList
{
    /// <summary>Makes <paramref name="list"/> an empty list.</summary>
    public static void Init(GcHead* list)
    {
        list->Next = (nint)list;
        list->Prev = (nint)list;
    }

    /// <summary>Whether the list has no element.</summary>
    public static bool IsEmpty(GcHead* list) => list->Next == (nint)list;

    /// <summary>The previous header (flag bits masked off).</summary>
    public static GcHead* Prev(GcHead* g) => (GcHead*)(g->Prev & ~GcBits.PrevFlagsMask);

    /// <summary>The next header.</summary>
    public static GcHead* Next(GcHead* g) => (GcHead*)g->Next;

    /// <summary>Sets the back link, keeping the flag bits.</summary>
    public static void SetPrev(GcHead* g, GcHead* prev) => g->Prev = (g->Prev & GcBits.PrevFlagsMask) | (nint)prev;

    /// <summary>Appends <paramref name="node"/> (not in any list) at the end of <paramref name="list"/>.</summary>
    public static void Append(GcHead* node, GcHead* list)
    {
        var last = Prev(list);
        last->Next = (nint)node;
        SetPrev(node, last);
        node->Next = (nint)list;
        list->Prev = (nint)node;
    }

    /// <summary>Unlinks <paramref name="node"/> from its list; its links are left dangling.</summary>
    public static void Remove(GcHead* node)
    {
        var prev = Prev(node);
        var next = Next(node);
        prev->Next = (nint)next;
        SetPrev(next, prev);
    }

    /// <summary>Moves <paramref name="node"/> from its list to the end of <paramref name="list"/>.</summary>
    public static void Move(GcHead* node, GcHead* list)
    {
        Remove(node);
        Append(node, list);
    }

    /// <summary>Appends all of <paramref name="from"/> to <paramref name="to"/>; <paramref name="from"/> becomes empty.</summary>
    public static void Merge(GcHead* from, GcHead* to)
    {
        Debug.Assert(from != to);
        if (IsEmpty(from))
        {
            return;
        }

        var toTail = Prev(to);
        var fromHead = Next(from);
        var fromTail = Prev(from);
        toTail->Next = (nint)fromHead;
        SetPrev(fromHead, toTail);
        fromTail->Next = (nint)to;
        to->Prev = (nint)fromTail;
        Init(from);
    }

    /// <summary>Number of elements (walks the list).</summary>
    public static long Count(GcHead* list)
    {
        long n = 0;
        for (var g = Next(list); g != list; g = Next(g))
        {
            n++;
        }

        return n;
    }
}
