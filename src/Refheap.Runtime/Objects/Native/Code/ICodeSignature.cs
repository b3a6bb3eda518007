namespace Refheap.Objects.Native.Code;

/// <summary>
/// What a code object's managed payload knows of its parameters, for the attributes
/// (<c>co_argcount</c>, 3.x's <c>co_posonlyargcount</c>, <c>co_kwonlyargcount</c>, 3.12's
/// <c>co_qualname</c>) that CPython keeps in the code object itself.
/// </summary>
internal interface ICodeSignature
{
    /// <summary>Positional parameters, positional-only ones included (<c>co_argcount</c>).</summary>
    int ArgCount { get; }

    /// <summary>Positional-only parameters (<c>co_posonlyargcount</c>).</summary>
    int PositionalOnlyCount { get; }

    /// <summary>Keyword-only parameters (<c>co_kwonlyargcount</c>).</summary>
    int KeywordOnlyCount { get; }

    /// <summary><c>co_qualname</c>.</summary>
    string QualifiedName { get; }
}
