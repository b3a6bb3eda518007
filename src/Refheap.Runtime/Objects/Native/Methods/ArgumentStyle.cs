namespace Refheap.Objects.Native.Methods;

/// <summary>How a CPython C method parses its arguments, which decides the wording of its errors.</summary>
internal enum ArgumentStyle
{
    /// <summary>METH_NOARGS: "f() takes no arguments (1 given)".</summary>
    NoArgs,

    /// <summary>METH_O: "f() takes exactly one argument (0 given)".</summary>
    One,

    /// <summary>PyArg_UnpackTuple / _PyArg_CheckPositional: "f expected at least 1 argument, got 0".</summary>
    Expect,

    /// <summary>PyArg_ParseTuple: "f() takes at most 1 argument (2 given)".</summary>
    Takes,

    /// <summary>PyArg_ParseTupleAndKeywords / Argument Clinic with keywords: "'x' is an invalid keyword argument for f()".</summary>
    Keywords,

    /// <summary>Any number of positional arguments (<c>set.union(*others)</c>).</summary>
    VarArgs,

    /// <summary>A slot wrapper (<c>list.__iter__</c>, <c>it.__next__</c>): "expected 0 arguments, got 1".</summary>
    Wrapper,
}
