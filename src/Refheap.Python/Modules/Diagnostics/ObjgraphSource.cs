namespace Refheap.Python.Modules.Diagnostics;

/// <summary>
/// The Python half of <c>objgraph</c>: the counting functions as objgraph 3.x defines them
/// (same signatures, same printed formats), valid in both dialects. The native half
/// (<see cref="ObjgraphModule"/>) adds <c>_typestats</c>, the chains, the graphs and
/// <c>get_new_ids</c> to the module after this runs.
/// </summary>
internal static class ObjgraphSource
{
    /// <summary>The source.</summary>
    public const string Text = """
import gc
import sys


def _short_typename(obj):
    return type(obj).__name__


def _long_typename(obj):
    objtype = type(obj)
    name = objtype.__name__
    module = getattr(objtype, '__module__', None)
    if module:
        return '%s.%s' % (module, name)
    return name


def count(typename, objects=None):
    if '.' in typename:
        return sum(1 for o in _objects(objects) if _long_typename(o) == typename)
    return sum(1 for o in _objects(objects) if _short_typename(o) == typename)


def _objects(objects):
    if objects is None:
        return gc.get_objects()
    return objects


def typestats(objects=None, shortnames=True, filter=None):
    if filter is None:
        return _typestats(objects, shortnames)
    typename = _short_typename if shortnames else _long_typename
    stats = {}
    for o in _objects(objects):
        if filter and not filter(o):
            continue
        n = typename(o)
        stats[n] = stats.get(n, 0) + 1
    return stats


def most_common_types(limit=10, objects=None, shortnames=True, filter=None):
    stats = sorted(typestats(objects, shortnames=shortnames, filter=filter).items(),
                   key=lambda item: item[1], reverse=True)
    if limit:
        stats = stats[:limit]
    return stats


def show_most_common_types(limit=10, objects=None, shortnames=True, file=None, filter=None):
    if file is None:
        file = sys.stdout
    stats = most_common_types(limit, objects, shortnames=shortnames, filter=filter)
    width = max(len(name) for name, count in stats)
    for name, count in stats:
        file.write('%-*s %i\n' % (width, name, count))


_peak_stats = {}


def growth(limit=10, peak_stats=_peak_stats, shortnames=True, filter=None):
    gc.collect()
    stats = typestats(shortnames=shortnames, filter=filter)
    deltas = {}
    for name, count in stats.items():
        old_count = peak_stats.get(name, 0)
        if count > old_count:
            deltas[name] = count - old_count
            peak_stats[name] = count
    deltas = sorted(deltas.items(), key=lambda item: item[1], reverse=True)
    if limit:
        deltas = deltas[:limit]
    return [(name, stats[name], delta) for name, delta in deltas]


def show_growth(limit=10, peak_stats=None, shortnames=True, file=None, filter=None):
    if peak_stats is None:
        result = growth(limit, shortnames=shortnames, filter=filter)
    else:
        result = growth(limit, peak_stats, shortnames, filter)
    if result:
        if file is None:
            file = sys.stdout
        width = max(len(name) for name, _, _ in result)
        for name, count, delta in result:
            file.write('%-*s%9d %+9d\n' % (width, name, count, delta))


def by_type(typename, objects=None):
    if '.' in typename:
        return [o for o in _objects(objects) if _long_typename(o) == typename]
    return [o for o in _objects(objects) if _short_typename(o) == typename]


def at(addr):
    for o in gc.get_objects():
        if id(o) == addr:
            return o
    return None


def at_addrs(address_set):
    return [o for o in gc.get_objects() if id(o) in address_set]


def get_leaking_objects(objects=None):
    if objects is None:
        gc.collect()
        objects = gc.get_objects()
    ids = set(id(i) for i in objects)
    for i in objects:
        for j in gc.get_referents(i):
            ids.discard(id(j))
    return [i for i in objects if id(i) in ids]


def is_proper_module(obj):
    return type(obj).__name__ == 'module' and any(obj is m for m in sys.modules.values())


def show_chain(*chains, **kw):
    backrefs = kw.pop('backrefs', True)
    chains = [chain for chain in chains if chain]
    ids = set()
    for chain in chains:
        for o in chain:
            ids.add(id(o))
    max_depth = max(len(chain) for chain in chains) - 1
    user_filter = kw.pop('filter', None)

    def in_chains(x):
        return id(x) in ids and (user_filter is None or user_filter(x))

    if backrefs:
        show_backrefs([chain[-1] for chain in chains], max_depth=max_depth, filter=in_chains, **kw)
    else:
        show_refs([chain[0] for chain in chains], max_depth=max_depth, filter=in_chains, **kw)
""";
}
