using System.Text;
using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Str;

/// <summary>
/// The methods of <c>str</c> (join, split, rsplit, strip, lstrip, rstrip, startswith, endswith,
/// upper, lower, swapcase, replace, find, rfind, index, rindex, count, partition, rpartition,
/// isdigit, isalpha, isalnum, isspace, isupper, islower, istitle, title, capitalize,
/// splitlines, zfill, ljust, rjust, center, encode) with CPython's argument errors
/// per profile, then those of <see cref="StrTranslation"/> and <see cref="StrUnicodeMethods"/>.
/// <c>format</c> and <c>%</c> live in Str/Formatting.
/// </summary>
/// <remarks>
/// 2.7's str is a byte string: its methods here treat the text as such (ASCII classes and
/// case, see <see cref="IterationBehaviour.StrIsBytes"/>). <c>encode</c> gives 2.7 an equal str
/// for ASCII text; 3.x's would give bytes, which Refheap does not have: NotImplementedError.
/// </remarks>
internal static unsafe class StrMethods
{
    /// <summary>The methods, for a heap's profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        var search = py27 ? ArgumentSpec.Takes(1, 3, "find/rfind/index/rindex") : ArgumentSpec.Takes(1, 3);
        var strip = py27 ? ArgumentSpec.Takes(0, 1) : ArgumentSpec.Expect(0, 1);
        var pad = py27 ? ArgumentSpec.Takes(1, 2) : ArgumentSpec.Expect(1, 2);
        return
        [
            new("join", ArgumentSpec.One, Join),
            new("split", py27 ? ArgumentSpec.Takes(0, 2) : ArgumentSpec.Keywords(["sep", "maxsplit"]), (h, self, a) => Split(h, self, a, right: false)),
            new("rsplit", py27 ? ArgumentSpec.Takes(0, 2) : ArgumentSpec.Keywords(["sep", "maxsplit"]), (h, self, a) => Split(h, self, a, right: true)),
            new("strip", strip, (h, self, a) => Strip(h, self, a[0], "strip", left: true, right: true)),
            new("lstrip", strip, (h, self, a) => Strip(h, self, a[0], "lstrip", left: true, right: false)),
            new("rstrip", strip, (h, self, a) => Strip(h, self, a[0], "rstrip", left: false, right: true)),
            new("startswith", ArgumentSpec.Takes(1, 3), (h, self, a) => Affix(h, self, a, "startswith", atEnd: false)),
            new("endswith", ArgumentSpec.Takes(1, 3), (h, self, a) => Affix(h, self, a, "endswith", atEnd: true)),
            new("upper", ArgumentSpec.NoArgs, (h, self, _) => Text(h, StrText.UpperText(StrType.AsString(self), Bytes(h)))),
            new("lower", ArgumentSpec.NoArgs, (h, self, _) => Text(h, StrText.LowerText(StrType.AsString(self), Bytes(h)))),
            new("title", ArgumentSpec.NoArgs, (h, self, _) => Text(h, StrText.Title(StrType.AsString(self), Bytes(h)))),
            new("capitalize", ArgumentSpec.NoArgs, (h, self, _) => Text(h, StrText.Capitalize(StrType.AsString(self), Bytes(h)))),
            new("isdigit", ArgumentSpec.NoArgs, (h, self, _) => h.NewBool(StrText.All(StrType.AsString(self), c => StrText.IsDigit(c, Bytes(h))))),
            new("isalpha", ArgumentSpec.NoArgs, (h, self, _) => h.NewBool(StrText.All(StrType.AsString(self), c => StrText.IsAlpha(c, Bytes(h))))),
            new("isspace", ArgumentSpec.NoArgs, (h, self, _) => h.NewBool(StrText.All(StrType.AsString(self), c => StrText.IsSpace(c, Bytes(h))))),
            new("replace", py27 ? ArgumentSpec.Takes(2, 3) : ArgumentSpec.Expect(2, 3), Replace),
            new("find", search, (h, self, a) => Find(h, self, a, "find", last: false, raise: false)),
            new("rfind", search, (h, self, a) => Find(h, self, a, "rfind", last: true, raise: false)),
            new("index", search, (h, self, a) => Find(h, self, a, "index", last: false, raise: true)),
            new("rindex", search, (h, self, a) => Find(h, self, a, "rindex", last: true, raise: true)),
            new("partition", ArgumentSpec.One, (h, self, a) => Partition(h, self, a[0], last: false)),
            new("rpartition", ArgumentSpec.One, (h, self, a) => Partition(h, self, a[0], last: true)),
            new("isupper", ArgumentSpec.NoArgs, (h, self, _) => h.NewBool(StrText.HasCase(StrType.AsString(self), upper: true, Bytes(h)))),
            new("islower", ArgumentSpec.NoArgs, (h, self, _) => h.NewBool(StrText.HasCase(StrType.AsString(self), upper: false, Bytes(h)))),
            new("isalnum", ArgumentSpec.NoArgs, (h, self, _) => h.NewBool(StrText.All(StrType.AsString(self), c => StrText.IsAlpha(c, Bytes(h)) || StrText.IsDigit(c, Bytes(h))))),
            new("istitle", ArgumentSpec.NoArgs, (h, self, _) => h.NewBool(StrText.IsTitle(StrType.AsString(self), Bytes(h)))),
            new("swapcase", ArgumentSpec.NoArgs, (h, self, _) => Text(h, StrText.SwapCaseText(StrType.AsString(self), Bytes(h)))),
            new("count", ArgumentSpec.Takes(1, 3), Count),
            new("splitlines", py27 ? ArgumentSpec.Takes(0, 1) : ArgumentSpec.Keywords(["keepends"]), SplitLines),
            new("zfill", py27 ? ArgumentSpec.Takes(1, 1) : ArgumentSpec.One, ZFill),
            new("ljust", pad, (h, self, a) => Pad(h, self, a, "ljust", -1)),
            new("rjust", pad, (h, self, a) => Pad(h, self, a, "rjust", 1)),
            new("center", pad, (h, self, a) => Pad(h, self, a, "center", 0)),
            new("encode", ArgumentSpec.Keywords(["encoding", "errors"]), Encode),
            .. StrTranslation.Create(heap),
            .. StrUnicodeMethods.Create(heap),
        ];
    }

    private static bool Bytes(Heap heap) => heap.Types.Iterators.Behaviour.StrIsBytes;

    private static bool Py27(Heap heap) => heap.Profile.Wording == ErrorWording.Cpython27;

    private static PyRef Text(Heap heap, string s) => heap.NewString(s);

    /// <summary>A result equal to <paramref name="self"/>'s text is <paramref name="self"/> itself for an exact str (CPython's unicode_result_unchanged).</summary>
    private static PyRef SameOrNew(Heap heap, PyObject* self, string result) =>
        self->Type == heap.Types.Str.TypeObject && StrType.EqualsText(self, result) ? new PyRef(self).NewRef() : heap.NewString(result);

    /// <summary>A str argument's text, or null with TypeError set ("expected a string..." in 2.7, <paramref name="message312"/> in 3.x).</summary>
    private static string? StrArgument(Heap heap, PyObject* o, string message312)
    {
        if (Heap.IsInstance(o, heap.Types.Str))
        {
            return StrType.AsString(o);
        }

        heap.RaiseTypeError(Py27(heap) ? "expected a string or other character buffer object" : message312);
        return null;
    }

    private static string TypeName(PyObject* o) => o->Type->Descriptor.Name;

    private static PyRef ListOfStrings(Heap heap, List<string> parts)
    {
        var list = heap.Types.List.New(parts.Count);
        if (list.IsNull)
        {
            return list;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var s = heap.NewString(parts[i]);
            if (s.IsNull)
            {
                ((PyVarObject*)list.Ptr)->Size = i;
                list.DecRef();
                return PyRef.Null;
            }

            ListType.Items(list.Ptr)[i] = s.Ptr;
        }

        return list;
    }

    private static PyRef Join(Heap heap, PyObject* self, MethodArgs a)
    {
        var it = heap.GetIter(a[0]);
        if (it.IsNull)
        {
            return heap.ErrorMatches(heap.Types.Exceptions.TypeError) ? heap.RaiseTypeError("can only join an iterable") : it;
        }

        var sb = new StringBuilder();
        var separator = StrType.AsSpan(self);
        nint index = 0;
        var failed = false;
        while (!failed)
        {
            var item = heap.IterNext(it.Ptr);
            if (item.IsNull)
            {
                failed = heap.ErrorOccurred;
                break;
            }

            if (!Heap.IsInstance(item.Ptr, heap.Types.Str))
            {
                heap.RaiseTypeError(Py27(heap)
                    ? $"sequence item {index}: expected string, {TypeName(item.Ptr)} found"
                    : $"sequence item {index}: expected str instance, {TypeName(item.Ptr)} found");
                failed = true;
            }
            else
            {
                if (index++ > 0)
                {
                    sb.Append(separator);
                }

                sb.Append(StrType.AsSpan(item.Ptr));
            }

            item.DecRef();
        }

        it.DecRef();
        return failed ? PyRef.Null : heap.NewString(sb.ToString());
    }

    private static PyRef Split(Heap heap, PyObject* self, MethodArgs a, bool right)
    {
        long maxsplit = -1;
        if (a[1] != null && !ArgumentConversions.TryIndex(heap, a[1], out maxsplit))
        {
            return PyRef.Null;
        }

        var s = StrType.AsString(self);
        if (a[0] == null || a[0] == heap.NoneObject)
        {
            return ListOfStrings(heap, right ? StrText.RSplitWhitespace(s, maxsplit, Bytes(heap)) : StrText.SplitWhitespace(s, maxsplit, Bytes(heap)));
        }

        var sep = StrArgument(heap, a[0], $"must be str or None, not {TypeName(a[0])}");
        if (sep == null)
        {
            return PyRef.Null;
        }

        if (sep.Length == 0)
        {
            return heap.RaiseValueError("empty separator");
        }

        return ListOfStrings(heap, right ? StrText.RSplit(s, sep, maxsplit) : StrText.Split(s, sep, maxsplit));
    }

    private static PyRef Strip(Heap heap, PyObject* self, PyObject* chars, string name, bool left, bool right)
    {
        var s = StrType.AsString(self);
        Func<char, bool> strip;
        if (chars == null || chars == heap.NoneObject)
        {
            var bytes = Bytes(heap);
            strip = c => StrText.IsSpace(c, bytes);
        }
        else if (Heap.IsInstance(chars, heap.Types.Str))
        {
            var set = StrType.AsString(chars);
            strip = set.Contains;
        }
        else
        {
            return heap.RaiseTypeError(Py27(heap) ? $"{name} arg must be None, str or unicode" : $"{name} arg must be None or str");
        }

        var start = 0;
        var end = s.Length;
        while (left && start < end && strip(s[start]))
        {
            start++;
        }

        while (right && end > start && strip(s[end - 1]))
        {
            end--;
        }

        return SameOrNew(heap, self, s[start..end]);
    }

    /// <summary>The start and end of a search within a str of <paramref name="length"/> (None allowed), or false with TypeError set.</summary>
    private static bool TryRange(Heap heap, MethodArgs a, int first, int length, out int start, out int end)
    {
        start = 0;
        end = length;
        if (!ArgumentConversions.TrySliceIndex(heap, a[first], length, 0, noneAllowed: true, out var s)
            || !ArgumentConversions.TrySliceIndex(heap, a[first + 1], length, length, noneAllowed: true, out var e))
        {
            return false;
        }

        // A start past the end (before clamping) finds nothing, even an empty string.
        start = (int)s;
        end = (int)e;
        if (a[first] != null && a[first] != heap.NoneObject && heap.TryAsLong(a[first], out var raw) && raw > length)
        {
            start = length + 1;
        }

        return true;
    }

    private static PyRef Affix(Heap heap, PyObject* self, MethodArgs a, string name, bool atEnd)
    {
        var s = StrType.AsString(self);
        if (!TryRange(heap, a, 1, s.Length, out var start, out var end))
        {
            return PyRef.Null;
        }

        var candidates = new List<string>();
        var affix = a[0];
        if (Heap.IsInstance(affix, heap.Types.Str))
        {
            candidates.Add(StrType.AsString(affix));
        }
        else if (Heap.IsInstance(affix, heap.Types.Tuple))
        {
            for (nint i = 0; i < TupleType.Size(affix); i++)
            {
                var item = TupleType.Item(affix, i);
                var text = StrArgument(heap, item, $"tuple for {name} must only contain str, not {TypeName(item)}");
                if (text == null)
                {
                    return PyRef.Null;
                }

                candidates.Add(text);
            }
        }
        else
        {
            return heap.RaiseTypeError(Py27(heap)
                ? $"{name} first arg must be str, unicode, or tuple, not {TypeName(affix)}"
                : $"{name} first arg must be str or a tuple of str, not {TypeName(affix)}");
        }

        foreach (var c in candidates)
        {
            if (start <= s.Length && end - start >= c.Length
                && string.CompareOrdinal(s, atEnd ? end - c.Length : start, c, 0, c.Length) == 0)
            {
                return heap.NewBool(true);
            }
        }

        return heap.NewBool(false);
    }

    private static PyRef Replace(Heap heap, PyObject* self, MethodArgs a)
    {
        var old = StrArgument(heap, a[0], $"replace() argument 1 must be str, not {TypeName(a[0])}");
        var replacement = old == null ? null : StrArgument(heap, a[1], $"replace() argument 2 must be str, not {TypeName(a[1])}");
        long count = -1;
        if (replacement == null || (a[2] != null && !ArgumentConversions.TryIndex(heap, a[2], out count)))
        {
            return PyRef.Null;
        }

        return SameOrNew(heap, self, StrText.Replace(StrType.AsString(self), old!, replacement, count));
    }

    private static PyRef Find(Heap heap, PyObject* self, MethodArgs a, string name, bool last, bool raise)
    {
        var sub = StrArgument(heap, a[0], $"must be str, not {TypeName(a[0])}");
        var s = StrType.AsString(self);
        if (sub == null || !TryRange(heap, a, 1, s.Length, out var start, out var end))
        {
            return PyRef.Null;
        }

        var at = StrText.Find(s, sub, start, end, last);
        return at < 0 && raise ? heap.RaiseValueError("substring not found") : heap.NewInt(at);
    }

    private static PyRef Partition(Heap heap, PyObject* self, PyObject* separator, bool last)
    {
        var sep = StrArgument(heap, separator, $"must be str, not {TypeName(separator)}");
        if (sep == null)
        {
            return PyRef.Null;
        }

        if (sep.Length == 0)
        {
            return heap.RaiseValueError("empty separator");
        }

        var s = StrType.AsString(self);
        var at = last ? s.LastIndexOf(sep, StringComparison.Ordinal) : s.IndexOf(sep, StringComparison.Ordinal);
        string[] parts = at < 0
            ? last ? ["", "", s] : [s, "", ""]
            : [s[..at], sep, s[(at + sep.Length)..]];
        var items = new PyRef[3];
        for (var i = 0; i < 3; i++)
        {
            items[i] = i == 1 && at >= 0 ? new PyRef(separator).NewRef() : heap.NewString(parts[i]);
        }

        var result = items.Any(r => r.IsNull) ? PyRef.Null : heap.NewTuple(items);
        foreach (var r in items)
        {
            r.XDecRef();
        }

        return result;
    }

    private static PyRef Count(Heap heap, PyObject* self, MethodArgs a)
    {
        var sub = StrArgument(heap, a[0], $"must be str, not {TypeName(a[0])}");
        var s = StrType.AsString(self);
        if (sub == null || !TryRange(heap, a, 1, s.Length, out var start, out var end))
        {
            return PyRef.Null;
        }

        return heap.NewInt(StrText.Count(s, sub, start, Math.Min(end, s.Length)));
    }

    private static PyRef SplitLines(Heap heap, PyObject* self, MethodArgs a)
    {
        long keepends = 0;
        if (a[0] != null && !ArgumentConversions.TryIndex(heap, a[0], out keepends))
        {
            return PyRef.Null;
        }

        return ListOfStrings(heap, StrText.SplitLines(StrType.AsString(self), keepends != 0, Bytes(heap)));
    }

    private static PyRef ZFill(Heap heap, PyObject* self, MethodArgs a) =>
        ArgumentConversions.TryIndex(heap, a[0], out var width) ? SameOrNew(heap, self, StrText.ZFill(StrType.AsString(self), width)) : PyRef.Null;

    private static PyRef Pad(Heap heap, PyObject* self, MethodArgs a, string name, int side)
    {
        if (!ArgumentConversions.TryIndex(heap, a[0], out var width))
        {
            return PyRef.Null;
        }

        var fill = ' ';
        if (a[1] != null)
        {
            var isStr = Heap.IsInstance(a[1], heap.Types.Str);
            if (!isStr || StrType.LengthOf(a[1]) != 1)
            {
                return heap.RaiseTypeError(Py27(heap) ? $"{name}() argument 2 must be char, not {TypeName(a[1])}"
                    : isStr ? "The fill character must be exactly one character long" : $"{name}() argument 2 must be str, not {TypeName(a[1])}");
            }

            fill = StrType.AsSpan(a[1])[0];
        }

        return SameOrNew(heap, self, StrText.Pad(StrType.AsString(self), width, fill, side));
    }

    private static PyRef Encode(Heap heap, PyObject* self, MethodArgs a)
    {
        var encoding = "utf-8";
        for (var i = 0; i < 2; i++)
        {
            if (a[i] != null && !Heap.IsInstance(a[i], heap.Types.Str))
            {
                var what = i == 0 ? "encoding" : "errors";
                return heap.RaiseTypeError(Py27(heap)
                    ? $"encode() argument {i + 1} must be string, not {(a[i] == heap.NoneObject ? "None" : TypeName(a[i]))}"
                    : $"encode() argument '{what}' must be str, not {(a[i] == heap.NoneObject ? "None" : TypeName(a[i]))}");
            }
        }

        if (a[0] != null)
        {
            encoding = StrType.AsString(a[0]);
        }

        var known = encoding.Replace('_', '-').ToLowerInvariant() is "utf-8" or "utf8" or "ascii" or "us-ascii" or "latin-1" or "latin1" or "iso-8859-1";
        if (!known)
        {
            var lookup = heap.Types.Exceptions.Find("LookupError") ?? heap.Types.Exceptions.ValueError;
            return heap.Raise(lookup, $"unknown encoding: {encoding}");
        }

        if (!Py27(heap))
        {
            return heap.Raise(heap.Types.Exceptions.NotImplementedError, "Refheap does not support bytes (str.encode)");
        }

        if (!Ascii.IsValid(StrType.AsSpan(self)))
        {
            return heap.Raise(heap.Types.Exceptions.NotImplementedError, "Refheap does not support encoding non-ASCII text (str.encode)");
        }

        return heap.NewString(StrType.AsSpan(self));
    }
}
