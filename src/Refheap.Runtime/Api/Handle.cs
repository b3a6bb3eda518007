using Refheap.Objects;

namespace Refheap;

/// <summary>
/// A reference from C# to a heap object, owned by the innermost open
/// <see cref="HandleScope"/> when it was made and released when that scope closes.
/// </summary>
/// <remarks>
/// A handle is a small struct: making one allocates nothing on the .NET heap. Its slot lives
/// in native memory with the scope's serial number; a handle whose scope has closed no
/// longer matches its slot and throws <see cref="ObjectDisposedException"/> instead of
/// touching freed memory. To keep an object beyond a scope, use <see cref="Runtime.Persist"/>.
/// </remarks>
public readonly struct Handle : IEquatable<Handle>
{
    internal readonly HandleTable? Table;
    internal readonly int Index;
    internal readonly long Serial;

    internal Handle(HandleTable table, int index, long serial)
    {
        Table = table;
        Index = index;
        Serial = serial;
    }

    internal Runtime? RuntimeOrNull => Table?.Owner;

    /// <summary>The runtime this handle belongs to.</summary>
    /// <exception cref="InvalidOperationException">The handle is default (never made by a runtime).</exception>
    public Runtime Runtime => RuntimeOrNull ?? throw new InvalidOperationException("a default Handle refers to no object");

    /// <summary>Whether this is a default handle that refers to nothing.</summary>
    public bool IsEmpty => RuntimeOrNull == null;

    /// <summary>The object's identity (<c>id()</c>: its address).</summary>
    public nint Id => Runtime.IdOf(this);

    /// <summary>The name of the object's type.</summary>
    public string TypeName => Runtime.TypeNameOf(this);

    /// <summary><c>getattr(self, name)</c>.</summary>
    public Handle GetAttr(string name) => Runtime.GetAttr(this, name);

    /// <summary><c>setattr(self, name, value)</c>.</summary>
    public void SetAttr(string name, Handle value) => Runtime.SetAttr(this, name, value);

    /// <summary><c>delattr(self, name)</c>.</summary>
    public void DelAttr(string name) => Runtime.DelAttr(this, name);

    /// <summary><c>getattr(self, name)</c> with a name interned once (<see cref="Runtime.Name"/>).</summary>
    public Handle GetAttr(Name name) => Runtime.GetAttr(this, name);

    /// <summary><c>setattr(self, name, value)</c> with a name interned once (<see cref="Runtime.Name"/>).</summary>
    public void SetAttr(Name name, Handle value) => Runtime.SetAttr(this, name, value);

    /// <summary><c>delattr(self, name)</c> with a name interned once (<see cref="Runtime.Name"/>).</summary>
    public void DelAttr(Name name) => Runtime.DelAttr(this, name);

    /// <summary><c>self[key]</c>.</summary>
    public Handle this[Handle key]
    {
        get => Runtime.GetItem(this, key);
        set => Runtime.SetItem(this, key, value);
    }

    /// <summary><c>self(*args)</c>.</summary>
    public Handle Call(params ReadOnlySpan<Handle> args) => Runtime.Call(this, args);

    /// <summary><c>repr(self)</c>.</summary>
    public string Repr() => Runtime.Repr(this);

    /// <summary><c>str(self)</c>, or a note for an empty handle.</summary>
    public override string ToString() => RuntimeOrNull == null ? "<empty handle>" : Runtime.Str(this);

    /// <summary>Whether both handles refer to the same object (<c>is</c>).</summary>
    public bool Is(Handle other) => Runtime.Is(this, other);

    /// <inheritdoc/>
    public bool Equals(Handle other) => Table == other.Table && Index == other.Index && Serial == other.Serial;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Handle h && Equals(h);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Serial);

    /// <summary>Whether two handles are the same slot (not object identity: see <see cref="Is"/>).</summary>
    public static bool operator ==(Handle a, Handle b) => a.Equals(b);

    /// <summary>Whether two handles are different slots.</summary>
    public static bool operator !=(Handle a, Handle b) => !a.Equals(b);
}
