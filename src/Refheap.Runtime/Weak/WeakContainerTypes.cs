using Refheap.Objects;

namespace Refheap.Weak;

/// <summary>
/// The weak containers of the weakref module and their helpers, as built-in types of one heap:
/// <c>WeakValueDictionary</c> with its <c>KeyedRef</c>, <c>WeakKeyDictionary</c>,
/// <c>WeakSet</c>, their generators, and <c>finalize</c>.
/// </summary>
internal sealed class WeakContainerTypes
{
    /// <summary>Creates the descriptors; <paramref name="weakReference"/> is <c>ref</c>, the base of KeyedRef.</summary>
    public WeakContainerTypes(Heap heap, WeakReferenceType weakReference)
    {
        KeyedRef = new KeyedReferenceType(heap) { BaseType = weakReference };
        ValueDictionary = new WeakValueDictionaryType(heap);
        KeyDictionary = new WeakKeyDictionaryType(heap);
        Set = new WeakSetType(heap);
        Iterator = new WeakIteratorType(heap);
        Finalize = new FinalizeType(heap);
        All = [KeyedRef, ValueDictionary, KeyDictionary, Set, Iterator, Finalize];
    }

    /// <summary><c>weakref.KeyedRef</c>.</summary>
    public KeyedReferenceType KeyedRef { get; }

    /// <summary><c>weakref.WeakValueDictionary</c>.</summary>
    public WeakValueDictionaryType ValueDictionary { get; }

    /// <summary><c>weakref.WeakKeyDictionary</c>.</summary>
    public WeakKeyDictionaryType KeyDictionary { get; }

    /// <summary><c>weakref.WeakSet</c>.</summary>
    public WeakSetType Set { get; }

    /// <summary>The containers' generators.</summary>
    public WeakIteratorType Iterator { get; }

    /// <summary><c>weakref.finalize</c>.</summary>
    public FinalizeType Finalize { get; }

    /// <summary>Every descriptor above, for registration with the built-in types.</summary>
    public IReadOnlyList<TypeDescriptor> All { get; }
}
