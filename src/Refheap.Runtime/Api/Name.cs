using Refheap.Objects;

namespace Refheap;

/// <summary>
/// An attribute name interned once in a runtime (<see cref="Runtime.Name"/>), to pass to
/// <see cref="Runtime.GetAttr(Handle, Name)"/>, <see cref="Runtime.SetAttr(Handle, Name, Handle)"/>
/// and the like instead of a string — as CPython interns the names in compiled code once,
/// not at every attribute access.
/// </summary>
/// <remarks>
/// A small struct, valid for the whole life of its runtime: the runtime's table of interned
/// strings keeps the str until the runtime is disposed, so a <see cref="Name"/> needs no scope.
/// It belongs to the runtime that made it; using it with another throws
/// <see cref="ArgumentException"/>.
/// </remarks>
public readonly struct Name : IEquatable<Name>
{
    internal readonly Runtime? Owner;

    // Borrowed: the interned str, owned by the heap's intern table until the heap goes.
    internal readonly PyRef Str;

    private readonly string? _text;

    internal Name(Runtime owner, PyRef str, string text)
    {
        Owner = owner;
        Str = str;
        _text = text;
    }

    /// <summary>The name's text.</summary>
    /// <exception cref="InvalidOperationException">The name is default (never made by a runtime).</exception>
    public string Text => _text ?? throw new InvalidOperationException("a default Name holds no text");

    /// <summary>Whether this is a default name that no runtime made.</summary>
    public bool IsEmpty => Owner == null;

    /// <inheritdoc/>
    public bool Equals(Name other) => Owner == other.Owner && Str == other.Str;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Name n && Equals(n);

    /// <inheritdoc/>
    public override int GetHashCode() => Str.GetHashCode();

    /// <summary>The name's text, or a note for a default name.</summary>
    public override string ToString() => _text ?? "<empty name>";

    /// <summary>Whether both are the same name of the same runtime.</summary>
    public static bool operator ==(Name a, Name b) => a.Equals(b);

    /// <summary>Whether they differ.</summary>
    public static bool operator !=(Name a, Name b) => !a.Equals(b);
}
