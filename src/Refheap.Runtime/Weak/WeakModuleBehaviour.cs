namespace Refheap.Weak;

/// <summary>
/// Where the Python code of the weakref module (Lib/weakref.py, Lib/_weakrefset.py) differs
/// between the two CPythons, one named field per difference, as <see cref="Profile"/> does for
/// the interpreter. Read through <see cref="For"/>.
/// </summary>
/// <remarks>
/// These belong in <see cref="Profile"/>; they live here until that file takes them.
/// </remarks>
internal sealed class WeakModuleBehaviour
{
    /// <summary>CPython 2.7.18's weakref.py and _weakrefset.py.</summary>
    public static WeakModuleBehaviour Py27 { get; } = new()
    {
        HasFinalize = false,
        ClassicMappings = true,
        MappingViewsAreGenerators = false,
        ValueLengthCommitsRemovals = false,
        KeyLengthSubtractsPending = false,
        KeyRemovalIgnoresMissing = false,
        ValueSetdefaultCommitsFirst = true,
        GeneratorsWalkItems = false,
        SetReprShowsData = false,
        IntSubscriptSaysNoIndexing = true,
        DictIteratorChecksKeysChanged = false,
        GeneratorNextName = "next",
        QualifiedGeneratorNames = false,
    };

    /// <summary>CPython 3.12.1's weakref.py and _weakrefset.py.</summary>
    public static WeakModuleBehaviour Py312 { get; } = new()
    {
        HasFinalize = true,
        ClassicMappings = false,
        MappingViewsAreGenerators = true,
        ValueLengthCommitsRemovals = true,
        KeyLengthSubtractsPending = true,
        KeyRemovalIgnoresMissing = true,
        ValueSetdefaultCommitsFirst = false,
        GeneratorsWalkItems = true,
        SetReprShowsData = true,
        IntSubscriptSaysNoIndexing = false,
        DictIteratorChecksKeysChanged = true,
        GeneratorNextName = "__next__",
        QualifiedGeneratorNames = true,
    };

    /// <summary>3.4+: <c>weakref.finalize</c> exists; 2.7 has no such name.</summary>
    public required bool HasFinalize { get; init; }

    /// <summary>
    /// 2.7: WeakValueDictionary and WeakKeyDictionary derive from UserDict.UserDict, an
    /// old-style class: a missing attribute reads "X instance has no attribute 'a'", and
    /// <c>hash()</c> calls UserDict's <c>__hash__ = None</c> ("'NoneType' object is not callable").
    /// </summary>
    public required bool ClassicMappings { get; init; }

    /// <summary>3.x: <c>keys()</c>, <c>values()</c>, <c>items()</c> are generators; 2.7 returns lists and has <c>iterkeys()</c>... for generators.</summary>
    public required bool MappingViewsAreGenerators { get; init; }

    /// <summary>3.x: <c>len()</c> of a WeakValueDictionary commits pending removals first (even while iterating); 2.7 is <c>len(self.data)</c>.</summary>
    public required bool ValueLengthCommitsRemovals { get; init; }

    /// <summary>3.x: <c>len()</c> of a WeakKeyDictionary is <c>len(data) - len(pending)</c> (scrubbed after deletions, bpo-21173); 2.7 is <c>len(self.data)</c>.</summary>
    public required bool KeyLengthSubtractsPending { get; init; }

    /// <summary>3.x: a WeakKeyDictionary's removal callback ignores a key already gone; 2.7's raises KeyError (reported as unraisable).</summary>
    public required bool KeyRemovalIgnoresMissing { get; init; }

    /// <summary>2.7: WeakValueDictionary.setdefault commits pending removals before looking; 3.x only before inserting.</summary>
    public required bool ValueSetdefaultCommitsFirst { get; init; }

    /// <summary>
    /// 3.x: the dictionaries' generators walk <c>data.items()</c>, binding key and weak
    /// reference, so <c>keys()</c> of a WeakValueDictionary and <c>values()</c> of a
    /// WeakKeyDictionary skip dead entries, and <c>itervaluerefs</c> is a <c>yield from</c>.
    /// 2.7's walk the keys or the values alone: <c>iterkeys</c> and <c>itervalues</c> yield
    /// every entry of the data, dead ones (pending removal) included.
    /// </summary>
    public required bool GeneratorsWalkItems { get; init; }

    /// <summary>3.x: <c>repr(WeakSet)</c> is the repr of its set of weak references; 2.7 uses object's repr.</summary>
    public required bool SetReprShowsData { get; init; }

    /// <summary>
    /// 2.7: <c>s[0]</c> on an instance of a Python class without <c>__getitem__</c> goes through
    /// the class's empty sequence slots: "'WeakSet' object does not support indexing".
    /// </summary>
    public required bool IntSubscriptSaysNoIndexing { get; init; }

    /// <summary>3.x: a dict iterator also raises "dictionary keys changed during iteration" when more items turn up than it expected.</summary>
    public required bool DictIteratorChecksKeysChanged { get; init; }

    /// <summary>The generator method that advances it: <c>next</c> (2.7) or <c>__next__</c>.</summary>
    public required string GeneratorNextName { get; init; }

    /// <summary>3.x: a generator's repr shows its qualified name (<c>WeakValueDictionary.keys</c>); 2.7 only the function's name.</summary>
    public required bool QualifiedGeneratorNames { get; init; }

    /// <summary>The weakref module of the profile's CPython.</summary>
    public static WeakModuleBehaviour For(Profile profile) => profile.WeakModule;
}
