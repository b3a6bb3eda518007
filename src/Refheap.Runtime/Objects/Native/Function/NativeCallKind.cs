namespace Refheap.Objects.Native.Function;

/// <summary>How the profile's CPython calls a built-in function, which decides what the call allocates.</summary>
internal enum NativeCallKind : byte
{
    /// <summary>With a new argument tuple (METH_VARARGS).</summary>
    Tuple,

    /// <summary>With the arguments where they are (METH_O, METH_NOARGS, 3.x's METH_FASTCALL): no tuple, and in 3.x no keyword dict.</summary>
    Vector,

    /// <summary>3.x's Argument Clinic <c>*args</c> (<c>print</c>): a new tuple of the positional arguments, the keywords where they are (no dict).</summary>
    PackedArgs,

    /// <summary>
    /// A slot wrapper (<c>list.__len__</c>): called with a tuple; read through an instance it
    /// makes a method-wrapper, which 2.7 frees rather than keeping it on the free list of bound
    /// built-in methods, and which 3.12's method calls do not skip.
    /// </summary>
    SlotWrapper,
}
