using System.Runtime.InteropServices;

namespace Refheap.Gc;

/// <summary>
/// A growable array of object addresses in native memory, reused across collections, so
/// that remembering objects during a scan never grows the .NET heap.
/// </summary>
internal sealed unsafe class AddressBuffer : IDisposable
{
    private nint* _items;
    private int _capacity;

    /// <summary>Addresses held.</summary>
    public int Count { get; private set; }

    /// <summary>The address at <paramref name="index"/>.</summary>
    public nint this[int index] => _items[index];

    /// <summary>Appends an address.</summary>
    public void Add(nint address)
    {
        if (Count == _capacity)
        {
            _capacity = _capacity == 0 ? 1024 : checked(_capacity * 2);
            _items = (nint*)NativeMemory.Realloc(_items, (nuint)_capacity * (nuint)sizeof(nint));
        }

        _items[Count++] = address;
    }

    /// <summary>Forgets the addresses (keeps the memory for the next collection).</summary>
    public void Clear() => Count = 0;

    /// <inheritdoc/>
    public void Dispose()
    {
        NativeMemory.Free(_items);
        _items = null;
        _capacity = 0;
        Count = 0;
    }
}
