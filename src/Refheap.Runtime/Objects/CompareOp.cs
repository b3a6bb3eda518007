namespace Refheap.Objects;

/// <summary>The six rich comparisons, numbered as CPython's Py_LT..Py_GE.</summary>
internal enum CompareOp
{
    /// <summary><c>&lt;</c></summary>
    Lt = 0,

    /// <summary><c>&lt;=</c></summary>
    Le = 1,

    /// <summary><c>==</c></summary>
    Eq = 2,

    /// <summary><c>!=</c></summary>
    Ne = 3,

    /// <summary><c>&gt;</c></summary>
    Gt = 4,

    /// <summary><c>&gt;=</c></summary>
    Ge = 5,
}
