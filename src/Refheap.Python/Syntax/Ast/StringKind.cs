namespace Refheap.Python.Syntax.Ast;

/// <summary>Which type a <see cref="StringLiteral"/> makes, named after CPython's types.</summary>
internal enum StringKind
{
    /// <summary>
    /// The dialect's <c>str</c>: text in 3.x; in 2.7 a byte string (also written <c>b'...'</c>),
    /// unless <c>unicode_literals</c> is imported.
    /// </summary>
    Str,

    /// <summary>2.7's <c>unicode</c>: <c>u'...'</c>, or any plain literal under <c>unicode_literals</c>.</summary>
    Unicode,

    /// <summary>3.x's <c>bytes</c>: <c>b'...'</c>.</summary>
    Bytes,
}
