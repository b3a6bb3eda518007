using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Instance;

/// <summary>
/// A class's own <c>__getattribute__</c>, <c>__getattr__</c>, <c>__setattr__</c> and
/// <c>__delattr__</c> (CPython's slot_tp_getattr_hook and slot_tp_setattro): which ones the class
/// has is kept in <see cref="Hooks"/>, so a class without them pays nothing per access.
/// </summary>
internal sealed unsafe partial class InstanceType
{
    private static readonly string[] HookNames = ["__getattribute__", "__getattr__", "__setattr__", "__delattr__"];

    /// <summary>The attribute methods this class or a class above it defines (object's own do not count).</summary>
    public AttributeHooks Hooks { get; private set; }

    /// <summary>Whether <paramref name="name"/> is one of the attribute methods <see cref="Hooks"/> follows.</summary>
    public static bool IsHookName(PyObject* name) => Array.Exists(HookNames, n => StrType.EqualsText(name, n));

    /// <summary>Recomputes <see cref="Hooks"/> from the classes of the MRO (after a class is made or one of them changes).</summary>
    public void RefreshHooks()
    {
        var hooks = AttributeHooks.None;
        for (var i = 0; i < HookNames.Length; i++)
        {
            if (DefinedAboveObject(HookNames[i]))
            {
                hooks |= (AttributeHooks)(1 << i);
            }
        }

        Hooks = hooks;
    }

    // Whether a class of the MRO that is a user class has the name in its own dict.
    private bool DefinedAboveObject(string name)
    {
        var mro = TypeObject->Mro;
        if (mro == null)
        {
            return false;
        }

        var n = Tuple.TupleType.Size(mro);
        for (nint i = 0; i < n; i++)
        {
            var t = (PyTypeObject*)Tuple.TupleType.Item(mro, i);
            if (t->Descriptor is InstanceType && t->Dict != null && Heap.Types.Dict.GetItemString(t->Dict, name) != null)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var hooks = Hooks;
        if (hooks == AttributeHooks.None)
        {
            return GetAttrWithoutHooks(self, name);
        }

        PyRef result;
        if ((hooks & AttributeHooks.GetAttribute) == 0 || !CallSpecial(self, "__getattribute__", out result, (nint)name))
        {
            // slot_tp_getattr_hook: 3.12 asks the generic lookup not to raise when __getattr__ follows.
            var outer = (hooks & AttributeHooks.GetAttr) != 0 ? Heap.BeginSuppressedLookup(self, name) : ((nint)0, (nint)0);
            try
            {
                result = GetAttrWithoutHooks(self, name);
            }
            finally
            {
                if ((hooks & AttributeHooks.GetAttr) != 0)
                {
                    Heap.EndSuppressedLookup(outer);
                }
            }
        }

        if (result.IsNull && (hooks & AttributeHooks.GetAttr) != 0 && Heap.ErrorOccurred)
        {
            // 2.7's PyErr_ExceptionMatches asks PyObject_IsSubclass, which binds a method.
            Heap.Types.NativeFunction.ModelSubclassCheck();
        }

        if (result.IsNull && (hooks & AttributeHooks.GetAttr) != 0 && Heap.ErrorMatches(Heap.Types.Exceptions.AttributeError))
        {
            Heap.ClearError();
            CallSpecial(self, "__getattr__", out result, (nint)name);
        }

        return result;
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        var hook = value != null ? AttributeHooks.SetAttr : AttributeHooks.DelAttr;
        if ((Hooks & hook) == 0)
        {
            return SetAttrWithoutHooks(self, name, value);
        }

        var found = value != null
            ? CallSpecial(self, "__setattr__", out var result, (nint)name, (nint)value)
            : CallSpecial(self, "__delattr__", out result, (nint)name);
        if (!found)
        {
            return SetAttrWithoutHooks(self, name, value);
        }

        result.XDecRef();
        return result.IsNull ? -1 : 0;
    }
}
