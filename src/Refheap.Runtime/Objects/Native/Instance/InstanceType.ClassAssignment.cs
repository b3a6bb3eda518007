using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Instance;

/// <remarks>
/// <c>obj.__class__ = C</c> (object_set_class): allowed between user classes whose instances
/// have the same layout — the same built-in base, size, dict, weak-reference and 3.12 values
/// words, and the same <c>__slots__</c> — else CPython's TypeError for the profile.
/// </remarks>
internal sealed unsafe partial class InstanceType
{
    /// <summary>Sets (or refuses to delete) an instance's class; 0, or -1 with the error set.</summary>
    private int SetClass(PyObject* self, PyObject* value)
    {
        if (RefuseClassValue(Heap, value))
        {
            return -1;
        }

        if (((PyTypeObject*)value)->Descriptor is not InstanceType target)
        {
            return RaiseNotHeapType(Heap);
        }

        if (target != this && !SameLayout(Layout, target.Layout))
        {
            // 2.7 names the old class first, 3.12 the new one.
            var (first, second) = Heap.Profile.Wording == ErrorWording.Cpython27 ? (Name, target.Name) : (target.Name, Name);
            Heap.RaiseTypeError($"__class__ assignment: '{first}' object layout differs from '{second}'");
            return -1;
        }

        // 3.12: the values are keyed by the old class's shared keys, so they become a dict
        // first (as object_set_class materializes the managed dict).
        if (Layout.ValuesOffset != 0 && GetOrCreateDict(self) == null)
        {
            return -1;
        }

        var old = self->Type;
        Heap.IncRef(value);
        self->Type = (PyTypeObject*)value;
        LiveInstances--;
        target.LiveInstances++;
        Heap.DecRef((PyObject*)old);
        return 0;
    }

    private static bool SameLayout(InstanceLayout a, InstanceLayout b)
    {
        if (a.SolidBase != b.SolidBase || a.Size != b.Size || a.DictOffset != b.DictOffset
            || a.WeakListOffset != b.WeakListOffset || a.ValuesOffset != b.ValuesOffset || a.Slots.Count != b.Slots.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Slots.Count; i++)
        {
            if (a.Slots[i] != b.Slots[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The checks of <c>__class__</c> assignment that do not depend on the object: deleting it,
    /// or a value that is not a (new-style) class. True, with TypeError set, when refused.
    /// </summary>
    internal static bool RefuseClassValue(Heap heap, PyObject* value)
    {
        if (value == null)
        {
            heap.RaiseTypeError("can't delete __class__ attribute");
            return true;
        }

        if (value->Type->Descriptor is not TypeType)
        {
            heap.RaiseTypeError(heap.Profile.Wording == ErrorWording.Cpython27
                ? $"__class__ must be set to new-style class, not '{value->Type->Descriptor.Name}' object"
                : $"__class__ must be set to a class, not '{value->Type->Descriptor.Name}' object");
            return true;
        }

        return false;
    }

    /// <summary>The TypeError for assigning <c>__class__</c> of a built-in object, or a built-in class to it; -1.</summary>
    internal static int RaiseNotHeapType(Heap heap)
    {
        heap.RaiseTypeError(heap.Profile.Wording == ErrorWording.Cpython27
            ? "__class__ assignment: only for heap types"
            : "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
}
