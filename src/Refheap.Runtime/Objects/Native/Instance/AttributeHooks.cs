namespace Refheap.Objects.Native.Instance;

/// <summary>Which attribute-access methods a class (or a class above it) defines itself.</summary>
[Flags]
internal enum AttributeHooks
{
    /// <summary>None: attributes go the generic way.</summary>
    None = 0,

    /// <summary><c>__getattribute__</c>: replaces every lookup.</summary>
    GetAttribute = 1,

    /// <summary><c>__getattr__</c>: answers what the lookup did not find.</summary>
    GetAttr = 2,

    /// <summary><c>__setattr__</c>: replaces every store.</summary>
    SetAttr = 4,

    /// <summary><c>__delattr__</c>: replaces every deletion.</summary>
    DelAttr = 8,
}
