namespace Refheap.Objects.Native.Function;

/// <summary>How the profile's CPython calls a built-in function, which decides what the call allocates.</summary>
internal enum NativeCallKind : byte
{
    /// <summary>With a new argument tuple (METH_VARARGS).</summary>
    Tuple,

    /// <summary>With the arguments where they are (METH_O, METH_NOARGS, 3.x's METH_FASTCALL): no tuple.</summary>
    Vector,

    /// <summary>
    /// A slot wrapper (<c>list.__len__</c>): called with a tuple; read through an instance it
    /// makes a method-wrapper, which 2.7 frees rather than keeping it on the free list of bound
    /// built-in methods, and which 3.12's method calls do not skip.
    /// </summary>
    SlotWrapper,
}
