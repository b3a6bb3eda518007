using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Range;

namespace Refheap.Objects.Native.Iterators;

/// <summary>
/// The built-in iterator types of one heap, named per profile (2.7 <c>listiterator</c>, 3.x
/// <c>list_iterator</c>...), the lazy range type (3.x <c>range</c>, 2.7 <c>xrange</c>) and
/// the dict views.
/// </summary>
internal sealed class IterationTypes
{
    /// <summary>Creates the descriptors.</summary>
    public IterationTypes(Heap heap)
    {
        Behaviour = IterationBehaviour.For(heap.Profile);
        var py3 = Behaviour.StrHasOwnIterator;
        List = new SequenceIteratorType(heap, py3 ? "list_iterator" : "listiterator", SequenceIteratorKind.List);
        ReversedList = new SequenceIteratorType(heap, py3 ? "list_reverseiterator" : "listreverseiterator", SequenceIteratorKind.ReversedList);
        Tuple = new SequenceIteratorType(heap, py3 ? "tuple_iterator" : "tupleiterator", SequenceIteratorKind.Tuple);
        Sequence = new SequenceIteratorType(heap, "iterator", SequenceIteratorKind.GetItem);
        Str = py3 ? new SequenceIteratorType(heap, "str_iterator", SequenceIteratorKind.Str) : Sequence;
        AsciiStr = py3 ? new SequenceIteratorType(heap, "str_ascii_iterator", SequenceIteratorKind.Str) : Sequence;
        DictKeys = new DictIteratorType(heap, py3 ? "dict_keyiterator" : "dictionary-keyiterator", DictIterationKind.Keys);
        DictValues = new DictIteratorType(heap, py3 ? "dict_valueiterator" : "dictionary-valueiterator", DictIterationKind.Values);
        DictItems = new DictIteratorType(heap, py3 ? "dict_itemiterator" : "dictionary-itemiterator", DictIterationKind.Items);
        Set = new SetIteratorType(heap, py3 ? "set_iterator" : "setiterator");
        RangeIterator = new RangeIteratorType(heap, py3 ? "range_iterator" : "rangeiterator");
        Range = new RangeType(heap, RangeIterator);
        KeysView = new DictViewType(heap, "dict_keys", DictIterationKind.Keys);
        ValuesView = new DictViewType(heap, "dict_values", DictIterationKind.Values);
        ItemsView = new DictViewType(heap, "dict_items", DictIterationKind.Items);
        List<TypeDescriptor> all = [List, ReversedList, Tuple, Sequence, DictKeys, DictValues, DictItems, Set, RangeIterator, Range, KeysView, ValuesView, ItemsView];
        if (py3)
        {
            all.Add(Str);
            all.Add(AsciiStr);
        }

        All = all;
        Iterators = all.OfType<IteratorType>().ToList();
    }

    /// <summary>Where the profile's iteration and methods differ.</summary>
    public IterationBehaviour Behaviour { get; }

    /// <summary>listiterator / list_iterator.</summary>
    public SequenceIteratorType List { get; }

    /// <summary>listreverseiterator / list_reverseiterator (<c>reversed(list)</c>).</summary>
    public SequenceIteratorType ReversedList { get; }

    /// <summary>tupleiterator / tuple_iterator.</summary>
    public SequenceIteratorType Tuple { get; }

    /// <summary>The generic <c>iterator</c> over <c>__getitem__</c>.</summary>
    public SequenceIteratorType Sequence { get; }

    /// <summary>3.x str_iterator (a str with non-ASCII characters); 2.7: the generic iterator.</summary>
    public SequenceIteratorType Str { get; }

    /// <summary>3.x str_ascii_iterator; 2.7: the generic iterator.</summary>
    public SequenceIteratorType AsciiStr { get; }

    /// <summary>The dict key iterator.</summary>
    public DictIteratorType DictKeys { get; }

    /// <summary>The dict value iterator.</summary>
    public DictIteratorType DictValues { get; }

    /// <summary>The dict item iterator.</summary>
    public DictIteratorType DictItems { get; }

    /// <summary>The set and frozenset iterator.</summary>
    public SetIteratorType Set { get; }

    /// <summary>The range / xrange iterator.</summary>
    public RangeIteratorType RangeIterator { get; }

    /// <summary>3.x <c>range</c>, 2.7 <c>xrange</c>.</summary>
    public RangeType Range { get; }

    /// <summary><c>dict_keys</c>, what 3.x's <c>d.keys()</c> returns.</summary>
    public DictViewType KeysView { get; }

    /// <summary><c>dict_values</c>.</summary>
    public DictViewType ValuesView { get; }

    /// <summary><c>dict_items</c>.</summary>
    public DictViewType ItemsView { get; }

    /// <summary>Every type here, for registration.</summary>
    public IReadOnlyList<TypeDescriptor> All { get; }

    /// <summary>The iterator types (they share the iterator methods).</summary>
    public IReadOnlyList<IteratorType> Iterators { get; }

    /// <summary>A new iterator over a str: 3.x picks the ASCII iterator when every character is ASCII.</summary>
    public unsafe PyRef NewStrIterator(PyObject* s) =>
        (System.Text.Ascii.IsValid(Native.Str.StrType.AsSpan(s)) ? AsciiStr : Str).New(s);
}
