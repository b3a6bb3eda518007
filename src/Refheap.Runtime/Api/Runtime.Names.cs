using Refheap.Objects;

namespace Refheap;

public sealed partial class Runtime
{
    /// <summary>
    /// Interns <paramref name="text"/> as an attribute name of this runtime, once: the
    /// <see cref="Refheap.Name"/> overloads of <see cref="GetAttr(Handle, Name)"/>,
    /// <see cref="SetAttr(Handle, Name, Handle)"/>, <see cref="HasAttr(Handle, Name)"/> and
    /// <see cref="DelAttr(Handle, Name)"/> then skip the string lookup the string overloads make
    /// at every call. The name stays valid, in any scope, until the runtime is disposed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public Name Name(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var call = EnterCall();
        ThrowIfDisposed();
        var str = Api.InternedName(text);
        return str.IsNull ? throw PendingException() : new Name(this, str, text);
    }

    /// <summary>The interned str of a name of this runtime (borrowed: the heap keeps it).</summary>
    private PyRef Resolve(Name name)
    {
        if (name.Owner != this)
        {
            throw new ArgumentException(name.IsEmpty ? "the name is empty (default): make names with runtime.Name" : "the name belongs to another runtime", nameof(name));
        }

        return name.Str;
    }

    /// <summary><c>getattr(o, name)</c>.</summary>
    public Handle GetAttr(Handle o, Name name)
    {
        using var call = EnterCall();
        return Own(Api.GetAttr(Resolve(o), Resolve(name)), call.Table);
    }

    /// <summary><c>hasattr(o, name)</c>.</summary>
    public bool HasAttr(Handle o, Name name)
    {
        using var call = EnterCall();
        return Found(Api.GetAttr(Resolve(o), Resolve(name)));
    }

    /// <summary><c>setattr(o, name, value)</c>.</summary>
    public void SetAttr(Handle o, Name name, Handle value)
    {
        using var call = EnterCall();
        var target = Resolve(o);
        Check(Api.SetAttr(target, Resolve(name), Resolve(value)));
    }

    /// <summary><c>delattr(o, name)</c>.</summary>
    public void DelAttr(Handle o, Name name)
    {
        using var call = EnterCall();
        var target = Resolve(o);
        Check(Api.SetAttr(target, Resolve(name), PyRef.Null));
    }
}
