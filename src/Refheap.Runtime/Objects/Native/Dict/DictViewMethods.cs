using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Dict;

/// <summary>3.x's methods of the set-like dict views (<c>dict_keys</c>, <c>dict_items</c>): isdisjoint. 2.7's views have none.</summary>
internal static unsafe class DictViewMethods
{
    /// <summary>The view types and their methods, for a heap's profile.</summary>
    public static List<(TypeDescriptor Type, BuiltinMethod[] Methods)> Tables(Heap heap)
    {
        if (heap.Profile.Wording == ErrorWording.Cpython27)
        {
            return [];
        }

        var iterators = heap.Types.Iterators;
        return
        [
            (iterators.KeysView, [new("isdisjoint", ArgumentSpec.One, static (h, self, a) => IsDisjoint(h, self, a[0]))]),
            (iterators.ItemsView, [new("isdisjoint", ArgumentSpec.One, static (h, self, a) => IsDisjoint(h, self, a[0]))]),
        ];
    }

    /// <summary>
    /// dictviews_isdisjoint: whether no item of <paramref name="other"/> is in the view. Against
    /// a set or a set-like view the shorter one is iterated and looked up in the other.
    /// </summary>
    private static PyRef IsDisjoint(Heap heap, PyObject* self, PyObject* other)
    {
        if (self == other)
        {
            return heap.NewBool(heap.Length(self) == 0);
        }

        var container = self;
        var iterated = other;
        var views = heap.Types.Iterators;
        if (heap.IsAnySet(other) || other->Type == views.KeysView.TypeObject || other->Type == views.ItemsView.TypeObject)
        {
            if (heap.Length(other) > heap.Length(self))
            {
                container = other;
                iterated = self;
            }
        }

        var found = heap.ForEach(iterated, item => heap.Contains(container, (PyObject*)item) switch
        {
            0 => 0,
            1 => 1,
            _ => -1,
        });
        return found < 0 ? PyRef.Null : heap.NewBool(found == 0);
    }
}
