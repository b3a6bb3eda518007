namespace Refheap.Python.Modules.Diagnostics;

/// <summary>
/// The Python half of <c>tracemalloc</c>: CPython 3.12's public classes (Frame, Traceback,
/// Trace, Statistic, StatisticDiff, Snapshot, Filter) with its printed formats, sort orders and
/// errors, over the native <c>_start</c>, <c>_get_traces</c> and <c>_getline</c> that
/// <see cref="TracemallocModule"/> adds. Snapshot.dump and Snapshot.load raise NotImplementedError.
/// </summary>
internal static class TracemallocSource
{
    /// <summary>The source.</summary>
    public const string Text = """
def _format_size(size, sign):
    units = ('B', 'KiB', 'MiB', 'GiB', 'TiB')
    for unit in units:
        if unit != 'B' and abs(size) < 100:
            return ('%+.1f %s' if sign else '%.1f %s') % (size, unit)
        if unit == 'TiB' or abs(size) < 10 * 1024:
            return ('%+.0f %s' if sign else '%.0f %s') % (size, unit)
        size /= 1024


def start(nframe=1):
    _start(nframe)


class Frame(object):
    __slots__ = ('_frame',)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return '%s:%s' % (self.filename, self.lineno)

    def __repr__(self):
        return '<Frame filename=%r lineno=%r>' % (self.filename, self.lineno)


class Traceback(object):
    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        self._frames = tuple(frames)
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, int):
            return Frame(self._frames[index])
        return tuple(Frame(f) for f in self._frames[index])

    def __iter__(self):
        return iter([Frame(f) for f in self._frames])

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __hash__(self):
        return hash(self._frames)

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        if self._total_nframe is None:
            return '<Traceback %r>' % (tuple(self),)
        return '<Traceback %r total_nframe=%s>' % (tuple(self), self._total_nframe)

    def format(self, limit=None, most_recent_first=False):
        frames = list(self)
        if limit is not None:
            frames = frames[-limit:] if limit > 0 else frames[:limit]
        if most_recent_first:
            frames.reverse()
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            line = _getline(frame.filename, frame.lineno).strip()
            if line:
                lines.append('    %s' % line)
        return lines


def get_object_traceback(obj):
    frames = _object_frames(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace(object):
    __slots__ = ('_trace',)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return 0

    @property
    def size(self):
        return self._trace[0]

    @property
    def traceback(self):
        return Traceback(self._trace[1])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return '%s: %s' % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return '<Trace domain=%s size=%s, traceback=%r>' % (0, _format_size(self.size, False), self.traceback)


class Statistic(object):
    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.count == other.count)

    def __str__(self):
        text = '%s: size=%s, count=%i' % (self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback._frames)


class StatisticDiff(object):
    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __hash__(self):
        return hash((self.traceback, self.size, self.size_diff, self.count, self.count_diff))

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.size_diff == other.size_diff and self.count == other.count
                and self.count_diff == other.count_diff)

    def __str__(self):
        text = '%s: size=%s (%s), count=%i (%+i)' % (
            self.traceback, _format_size(self.size, False), _format_size(self.size_diff, True),
            self.count, self.count_diff)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>' % (
            self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count, self.traceback._frames)


def _match(pattern, text):
    # fnmatch's * and ? (no character classes), on the whole name.
    if not pattern:
        return not text
    if pattern[0] == '*':
        for i in range(len(text) + 1):
            if _match(pattern[1:], text[i:]):
                return True
        return False
    if text and (pattern[0] == '?' or pattern[0] == text[0]):
        return _match(pattern[1:], text[1:])
    return False


class BaseFilter(object):
    def __init__(self, inclusive):
        self.inclusive = inclusive


class Filter(BaseFilter):
    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False, domain=None):
        BaseFilter.__init__(self, inclusive)
        self._filename_pattern = filename_pattern
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame(self, frame):
        if not _match(self._filename_pattern, frame[0]):
            return False
        return self.lineno is None or frame[1] == self.lineno

    def _match(self, trace):
        frames = trace[1]
        if self.all_frames:
            found = any(self._match_frame(f) for f in frames)
        else:
            found = self._match_frame(frames[-1])
        return found if self.inclusive else not found


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        BaseFilter.__init__(self, inclusive)
        self.domain = domain

    def _match(self, trace):
        return (self.domain == 0) == self.inclusive


class Snapshot(object):
    def __init__(self, traces, traceback_limit):
        self._raw = traces
        self.traceback_limit = traceback_limit

    @property
    def traces(self):
        return [Trace(t) for t in self._raw]

    def dump(self, filename):
        raise NotImplementedError("Refheap's tracemalloc does not support Snapshot.dump()")

    @staticmethod
    def load(filename):
        raise NotImplementedError("Refheap's tracemalloc does not support Snapshot.load()")

    def filter_traces(self, filters):
        filters = list(filters)
        for f in filters:
            if not isinstance(f, BaseFilter):
                raise TypeError('filters must be a list of filters, not %s' % type(f).__name__)
        include = [f for f in filters if f.inclusive]
        exclude = [f for f in filters if not f.inclusive]
        kept = []
        for t in self._raw:
            if include and not any(f._match(t) for f in include):
                continue
            if any(not f._match(t) for f in exclude):
                continue
            kept.append(t)
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError('unknown key_type: %r' % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError('cumulative mode cannot by used with key type %r' % key_type)
        stats = {}
        for size, frames in self._raw:
            if key_type == 'traceback':
                keys = [frames]
            else:
                chosen = frames if cumulative else frames[-1:]
                if key_type == 'filename':
                    keys = [((f[0], 0),) for f in chosen]
                else:
                    keys = [(f,) for f in chosen]
                seen = []
                for k in keys:
                    if k not in seen:
                        seen.append(k)
                keys = seen
            for k in keys:
                entry = stats.get(k)
                if entry is None:
                    stats[k] = [size, 1]
                else:
                    entry[0] += size
                    entry[1] += 1
        return stats

    def statistics(self, key_type, cumulative=False):
        stats = [Statistic(Traceback(k), v[0], v[1]) for k, v in self._group_by(key_type, cumulative).items()]
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        new = self._group_by(key_type, cumulative)
        old = old_snapshot._group_by(key_type, cumulative)
        diffs = []
        for k, v in new.items():
            o = old.get(k, [0, 0])
            diffs.append(StatisticDiff(Traceback(k), v[0], v[0] - o[0], v[1], v[1] - o[1]))
        for k, o in old.items():
            if k not in new:
                diffs.append(StatisticDiff(Traceback(k), 0, -o[0], 0, -o[1]))
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    if not is_tracing():
        raise RuntimeError('the tracemalloc module must be tracing memory allocations to take a snapshot')
    return Snapshot(_get_traces(), get_traceback_limit())
""";
}
