using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Exceptions;

/// <summary>
/// The methods of BaseException, inherited by every exception class: <c>__init__</c>, which a
/// subclass's own <c>__init__</c> calls (<c>Exception.__init__(self, msg)</c>, <c>super().__init__(msg)</c>),
/// and 3.x's <c>with_traceback</c> and (3.11+) <c>add_note</c>.
/// </summary>
internal static unsafe class ExceptionMethods
{
    /// <summary>The methods for <paramref name="heap"/>'s profile (the profile differences of <c>__init__</c> are in <see cref="ExceptionType.Init"/>).</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        List<BuiltinMethod> methods =
        [
            new("__init__", ArgumentSpec.AnyArgs, static (h, self, a) =>
                h.Types.Exceptions.BaseException.Init(self, a.Tuple, a.Kwargs) < 0 ? PyRef.Null : h.None),
        ];
        if (!heap.Profile.IntPromotesToLong)
        {
            methods.Add(new("with_traceback", ArgumentSpec.One, WithTraceback));
            methods.Add(new("add_note", ArgumentSpec.One, AddNote));
        }

        return methods;
    }

    // BaseException_with_traceback: sets __traceback__ (a traceback or None) and returns the exception.
    private static PyRef WithTraceback(Heap heap, PyObject* self, MethodArgs a)
    {
        var tb = a[0];
        if (tb != heap.NoneObject && tb->Type != heap.Types.Traceback.TypeObject)
        {
            return heap.RaiseTypeError("__traceback__ must be a traceback or None");
        }

        return heap.SetAttr(self, "__traceback__", tb) < 0 ? PyRef.Null : new PyRef(self).NewRef();
    }

    // BaseException_add_note: appends a str to the list in __notes__ (made on the first note).
    private static PyRef AddNote(Heap heap, PyObject* self, MethodArgs a)
    {
        var note = a[0];
        if (!Heap.IsInstance(note, heap.Types.Str))
        {
            return heap.RaiseTypeError($"note must be a str, not '{note->Type->Descriptor.Name}'");
        }

        var notes = heap.GetAttr(self, "__notes__");
        if (notes.IsNull)
        {
            if (!heap.ErrorMatches(heap.Types.Exceptions.AttributeError))
            {
                return notes;
            }

            heap.ClearError();
            notes = heap.NewList();
            if (notes.IsNull || heap.SetAttr(self, "__notes__", notes.Ptr) < 0)
            {
                notes.XDecRef();
                return PyRef.Null;
            }
        }
        else if (!Heap.IsInstance(notes.Ptr, heap.Types.List))
        {
            notes.DecRef();
            return heap.RaiseTypeError("Cannot add note: __notes__ is not a list");
        }

        var status = heap.Types.List.Append(notes.Ptr, note);
        notes.DecRef();
        return status < 0 ? PyRef.Null : heap.None;
    }
}
