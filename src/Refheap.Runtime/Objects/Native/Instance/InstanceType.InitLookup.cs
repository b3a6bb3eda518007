using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Instance;

/// <summary>The evaluator's lookup of a class's <c>__init__</c> on every call of the class.</summary>
internal sealed unsafe partial class InstanceType
{
    // What the last lookup of __init__ found (borrowed), valid while the class's version tag is
    // _initTag: any change to the class or a base resets the tag (see TypeAttributeCache), and
    // tags are never reused, so a remembered answer is never used after a change.
    private uint _initTag;
    private PyObject* _initFound;

    /// <summary>
    /// <see cref="TypeType.Lookup"/> of <paramref name="initName"/> (the interned
    /// <c>"__init__"</c>) on this class: borrowed or null, remembered under the class's version
    /// tag so that a class called again finds it without the attribute cache's hashing.
    /// </summary>
    public PyObject* LookupInit(PyObject* initName)
    {
        var tag = TypeObject->VersionTag;
        if (tag != 0 && tag == _initTag)
        {
            return _initFound;
        }

        var found = TypeType.Lookup(TypeObject, initName);

        // The lookup gave the class its tag if it had none.
        _initTag = TypeObject->VersionTag;
        _initFound = found;
        return found;
    }
}
