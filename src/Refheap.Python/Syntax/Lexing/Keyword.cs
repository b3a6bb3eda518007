namespace Refheap.Python.Syntax.Lexing;

/// <summary>
/// The reserved words of either dialect. A <see cref="TokenKind.Name"/> token carries
/// <see cref="None"/> when its text is not a keyword of the dialect being read.
/// </summary>
internal enum Keyword
{
    None,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,

    /// <summary>2.7 only.</summary>
    Exec,
    False,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    NoneValue,
    Nonlocal,
    Not,
    Or,
    Pass,

    /// <summary>2.7 only, and only until <c>from __future__ import print_function</c>.</summary>
    Print,
    Raise,
    Return,
    True,
    Try,
    While,
    With,
    Yield,
}
