using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Instance;

internal sealed unsafe partial class InstanceType
{
    /// <summary>The instance's <c>__dict__</c>, made now if absent (3.12: from the values): borrowed, or null on error.</summary>
    public PyObject* GetOrCreateDict(PyObject* self)
    {
        var existing = DictOf(self);
        if (existing != null)
        {
            return existing;
        }

        var dict = Heap.NewDict();
        if (dict.IsNull)
        {
            return null;
        }

        if (Layout.ValuesOffset == 0)
        {
            *DictSlot(self) = dict.Ptr;
            return dict.Ptr;
        }

        // In the instance's insertion order, as 3.12's make_dict_from_instance_attributes.
        var values = ValuesOf(self, out _);
        foreach (var i in ValueOrder(self))
        {
            if (Heap.Types.Dict.SetItem(dict.Ptr, (PyObject*)_sharedKeys[i], (PyObject*)values[i]) < 0)
            {
                dict.DecRef();
                return null;
            }
        }

        // The dict holds its own references now: drop the values' (none reaches zero), then
        // store the dict where the values' header was.
        ReleaseManagedAttributes(self);
        LeaveInline(self, (nint)dict.Ptr);
        Heap.Types.Dict.MarkSplit(dict.Ptr, this);
        return dict.Ptr;
    }

    /// <summary>Whether the instance currently has a dict object (3.12: false while values are inline).</summary>
    public bool HasDictObject(PyObject* self) => DictOf(self) != null;

    /// <summary>
    /// getattr without the class's own <c>__getattribute__</c> and <c>__getattr__</c>
    /// (object.__getattribute__): a new reference, or null with the error set.
    /// </summary>
    public PyRef GetAttrWithoutHooks(PyObject* self, PyObject* name)
    {
        var type = self->Type;
        if (Layout.DictOffset != 0 && StrType.EqualsText(name, "__dict__"))
        {
            var d = GetOrCreateDict(self);
            return d == null ? PyRef.Null : new PyRef(d).NewRef();
        }

        if (StrType.EqualsText(name, "__class__"))
        {
            return new PyRef((PyObject*)type).NewRef();
        }

        var slotOffset = Layout.SlotOffset(name);
        if (slotOffset != 0 && SlotIsFound(type, name, slotOffset))
        {
            var v = *SlotAt(self, slotOffset);
            if (v != null)
            {
                return new PyRef(v).NewRef();
            }

            // An empty slot's member descriptor: 2.7 raises AttributeError(name), 3.12 names the object.
            return Heap.Profile.IntPromotesToLong
                ? Heap.Raise(Heap.Types.Exceptions.AttributeError, StrType.AsString(name))
                : Heap.RaiseNoAttribute(self, name);
        }

        if (Layout.SolidBase is ExceptionType baseException && baseException.TryGetBaseAttribute(self, name, out var baseAttribute))
        {
            return baseAttribute;
        }

        var classAttr = TypeType.Lookup(type, name);
        if (classAttr != null && classAttr->Type->Descriptor.ReadBeforeInstanceDict)
        {
            return classAttr->Type->Descriptor.DescriptorGet(classAttr, self, type);
        }

        var found = LookupInstance(self, name);
        if (found != null)
        {
            return new PyRef(found).NewRef();
        }

        if (Heap.ErrorOccurred)
        {
            return PyRef.Null;
        }

        if (classAttr != null)
        {
            return classAttr->Type->Descriptor.DescriptorGet(classAttr, self, type);
        }

        return Heap.RaiseMissingInstanceAttribute(self, name);
    }

    /// <summary>The instance's own value for <paramref name="name"/> (dict or inline values): borrowed or null.</summary>
    private PyObject* LookupInstance(PyObject* self, PyObject* name)
    {
        var dict = DictOf(self);
        if (dict != null)
        {
            return Heap.Types.Dict.GetItem(dict, name);
        }

        if (Layout.ValuesOffset != 0)
        {
            var values = ValuesOf(self, out var capacity);
            var i = SharedKeyIndex(name);
            if (i >= 0 && i < capacity)
            {
                return (PyObject*)values[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the class's attribute lookup finds the member descriptor of the slot at
    /// <paramref name="offset"/>, so that the slot may be read and written directly: a
    /// subclass's attribute of the same name (<c>x = 5</c> over a base's <c>__slots__ = ('x',)</c>)
    /// hides the slot, as in CPython, where the slot is only reached through its descriptor.
    /// </summary>
    private bool SlotIsFound(PyTypeObject* type, PyObject* name, int offset)
    {
        var attr = TypeType.Lookup(type, name);
        return attr != null && attr->Type == Heap.Types.MemberDescriptor.TypeObject
            && ((Descriptor.PyAttributeDescriptorObject*)attr)->Offset == offset;
    }

    /// <summary>
    /// setattr (value non-null) or delattr without the class's own <c>__setattr__</c> and
    /// <c>__delattr__</c> (object.__setattr__): 0, or -1 with the error set.
    /// </summary>
    public int SetAttrWithoutHooks(PyObject* self, PyObject* name, PyObject* value)
    {
        if (StrType.EqualsText(name, "__class__"))
        {
            return SetClass(self, value);
        }

        var slotOffset = Layout.SlotOffset(name);
        if (slotOffset != 0 && SlotIsFound(self->Type, name, slotOffset))
        {
            var slot = SlotAt(self, slotOffset);
            if (value == null && *slot == null)
            {
                // member_set deleting an empty slot: AttributeError(name) in 2.7 and 3.12.
                Heap.Raise(Heap.Types.Exceptions.AttributeError, StrType.AsString(name));
                return -1;
            }

            Heap.XIncRef(value);
            Heap.SetRef(ref *slot, value);
            return 0;
        }

        if (Layout.SolidBase is ExceptionType baseException && baseException.TrySetBaseAttribute(self, name, value, out var status))
        {
            return status;
        }

        var classAttr = TypeType.Lookup(self->Type, name);
        if (classAttr != null && classAttr->Type->Descriptor.IsDataDescriptor)
        {
            return classAttr->Type->Descriptor.DescriptorSet(classAttr, self, value);
        }

        if (Layout.DictOffset == 0)
        {
            Heap.RaiseNoAttribute(self, name);
            return -1;
        }

        if (Layout.ValuesOffset != 0 && !IsDictWord(*ValuesWord(self)) && TrySetValue(self, name, value, out var result))
        {
            return result;
        }

        return SetInDict(self, name, value);
    }

    private int SetInDict(PyObject* self, PyObject* name, PyObject* value)
    {
        var dict = value == null ? DictOf(self) : GetOrCreateDict(self);
        if (value == null)
        {
            if (dict == null || Heap.Types.Dict.DelItem(dict, name) < 0)
            {
                if (dict == null || Heap.ErrorMatches(Heap.Types.Exceptions.KeyError))
                {
                    Heap.ClearError();
                    if (dict != null && Heap.Profile.Wording == ErrorWording.Cpython27)
                    {
                        // 2.7 turns the dict's KeyError into AttributeError(name); 3.x words it.
                        Heap.Raise(Heap.Types.Exceptions.AttributeError, StrType.AsString(name));
                    }
                    else
                    {
                        Heap.RaiseNoAttribute(self, name);
                    }
                }

                return -1;
            }

            return 0;
        }

        return dict == null ? -1 : Heap.Types.Dict.SetItem(dict, name, value);
    }

    /// <summary>insert_into_dictkeys: adds an interned name to the class's shared keys while they have room (CPython's dk_usable).</summary>
    private bool TryAddSharedKey(PyObject* name)
    {
        if (_sharedKeysUsable <= 0 || !StrType.IsInterned(name))
        {
            return false;
        }

        _sharedKeys.Add((nint)name);
        _sharedKeysUsable--;
        UpdateNewInlineCapacity();
        return true;
    }

    /// <summary>
    /// The value words of CPython 3.12's split table for <paramref name="dict"/>, a dict made
    /// from an instance of this class: 8 bytes for each shared key, used or usable
    /// (shared_keys_usable_size). A key the dict gained is added to the shared keys as CPython's
    /// split table adds it; 0 when one could not be (CPython would have made the table combined).
    /// </summary>
    public nuint SplitValuesSize(PyObject* dict)
    {
        nint pos = 0;
        while (Heap.Types.Dict.Next(dict, ref pos, out var key, out _))
        {
            if (key->Type != Heap.Types.Str.TypeObject || (SharedKeyIndex(key) < 0 && !TryAddSharedKey(key)))
            {
                return 0;
            }
        }

        return (nuint)(8 * (_sharedKeys.Count + _sharedKeysUsable));
    }

    /// <summary>3.12's inline values: stores, or deletes, by the shared key's index. False when the keys are full (use a dict).</summary>
    private bool TrySetValue(PyObject* self, PyObject* name, PyObject* value, out int result)
    {
        result = 0;
        var index = SharedKeyIndex(name);
        if (index < 0)
        {
            if (value == null)
            {
                Heap.RaiseNoAttribute(self, name);
                result = -1;
                return true;
            }

            if (!TryAddSharedKey(name))
            {
                return false;
            }

            index = _sharedKeys.Count - 1;
        }

        var word = *ValuesWord(self);
        if ((word & InlineTag) != 0)
        {
            var inlineSlot = (PyObject**)InlineValues(self) + index;
            if (index < HeaderCapacity(word))
            {
                if (value == null && *inlineSlot == null)
                {
                    Heap.RaiseNoAttribute(self, name);
                    result = -1;
                    return true;
                }

                if (value == null)
                {
                    *ValuesWord(self) = HeaderRemove(word, index);
                }
                else if (*inlineSlot == null)
                {
                    *ValuesWord(self) = HeaderAppend(word, index);
                }

                Heap.XIncRef(value);
                Heap.SetRef(ref *inlineSlot, value);
                return true;
            }

            if (value == null)
            {
                Heap.RaiseNoAttribute(self, name);
                result = -1;
                return true;
            }

            if (Spill(self, _sharedKeys.Count) == null)
            {
                result = -1;
                return true;
            }
        }

        var values = (nint*)(*ValuesWord(self) & ~TagMask);
        var capacity = values[0];
        if (index >= capacity)
        {
            if (value == null)
            {
                Heap.RaiseNoAttribute(self, name);
                result = -1;
                return true;
            }

            values = GrowValues(values, _sharedKeys.Count);
            if (values == null)
            {
                result = -1;
                return true;
            }

            *ValuesWord(self) = (nint)values | SpilledTag;
        }

        var slot = (PyObject**)&values[index + 1];
        if (value == null && *slot == null)
        {
            Heap.RaiseNoAttribute(self, name);
            result = -1;
            return true;
        }

        if (value == null)
        {
            RemoveFromOrder(values, index);
        }
        else if (*slot == null)
        {
            var order = OrderOf(values);
            order[++order[0]] = index;
        }

        Heap.XIncRef(value);
        Heap.SetRef(ref *slot, value);
        return true;
    }

    private static void RemoveFromOrder(nint* values, nint index)
    {
        var order = OrderOf(values);
        var n = order[0];
        var at = 1;
        while (order[at] != index)
        {
            at++;
        }

        for (var k = at; k < n; k++)
        {
            order[k] = order[k + 1];
        }

        order[0] = n - 1;
    }

    /// <summary>A spilled buffer with room for <paramref name="needed"/> values, the old one's contents moved in (the old one freed); null with MemoryError set.</summary>
    private nint* GrowValues(nint* values, int needed)
    {
        var oldCapacity = values[0];
        var capacity = Math.Max(needed, 2);
        var fresh = (nint*)Heap.AllocBuffer(ValuesBytes(capacity));
        if (fresh == null)
        {
            return null;
        }

        fresh[0] = capacity;
        for (nint i = 1; i <= capacity; i++)
        {
            fresh[i] = i <= oldCapacity ? values[i] : 0;
        }

        var order = OrderOf(fresh);
        var oldOrder = OrderOf(values);
        for (nint k = 0; k <= oldOrder[0]; k++)
        {
            order[k] = oldOrder[k];
        }

        Heap.FreeBuffer(values, ValuesBytes(oldCapacity));
        return fresh;
    }

    private int SharedKeyIndex(PyObject* name)
    {
        for (var i = 0; i < _sharedKeys.Count; i++)
        {
            if (_sharedKeys[i] == (nint)name)
            {
                return i;
            }
        }

        if (!StrType.IsInterned(name))
        {
            for (var i = 0; i < _sharedKeys.Count; i++)
            {
                if (StrType.AsSpan((PyObject*)_sharedKeys[i]).SequenceEqual(StrType.AsSpan(name)))
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
