namespace Refheap.Python.Modules.Diagnostics;

/// <summary>
/// The Python half of <c>guppy</c>: <c>hpy()</c> and heapy's set of objects, whose str is
/// heapy's table. Each set names a snapshot kept by <see cref="DiagnosticsState"/>; the native
/// half (<see cref="GuppyModule"/>) takes, partitions, subsets and dumps them.
/// </summary>
internal static class GuppySource
{
    /// <summary>The source.</summary>
    public const string Text = """
class _IdentitySet(object):
    def __init__(self, snapshot, by):
        self._snapshot = snapshot
        self._by = by

    def __str__(self):
        return _table(self._snapshot, self._by)

    def __repr__(self):
        return _table(self._snapshot, self._by)

    def __len__(self):
        return _count(self._snapshot)

    def __getitem__(self, index):
        return _IdentitySet(_row(self._snapshot, self._by, index), 'clodo')

    @property
    def count(self):
        return _count(self._snapshot)

    @property
    def size(self):
        return _size(self._snapshot)

    @property
    def bytype(self):
        return _IdentitySet(self._snapshot, 'type')

    @property
    def byclodo(self):
        return _IdentitySet(self._snapshot, 'clodo')

    @property
    def byrcs(self):
        return _IdentitySet(self._snapshot, 'rcs')

    @property
    def bysize(self):
        return _IdentitySet(self._snapshot, 'size')

    def dump(self, path):
        _dump(self._snapshot, path)


class _Heapy(object):
    def heap(self):
        return _IdentitySet(_heap(), 'clodo')

    def setrelheap(self, reference=None):
        if reference is not None:
            raise NotImplementedError("Refheap's heapy: setrelheap() takes no reference set")
        _setrelheap()


def hpy():
    return _Heapy()
""";
}
