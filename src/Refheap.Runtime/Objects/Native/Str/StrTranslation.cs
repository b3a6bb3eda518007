using System.Text;
using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Str;

/// <summary>
/// The character-mapping methods of <c>str</c>: <c>expandtabs</c> and <c>translate</c> in both
/// profiles (2.7's translate takes a 256-character table and the characters to delete, 3.x's a
/// mapping of code points), and 3.x's static <c>str.maketrans</c>.
/// </summary>
internal static unsafe class StrTranslation
{
    /// <summary>The methods, for a heap's profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        if (heap.Profile.Wording == ErrorWording.Cpython27)
        {
            return
            [
                new("expandtabs", ArgumentSpec.Takes(0, 1), ExpandTabs),
                new("translate", ArgumentSpec.Expect(1, 2), Translate27),
            ];
        }

        // maketrans is a static method in CPython; bound to the class here, it ignores it.
        return
        [
            new("expandtabs", ArgumentSpec.Keywords(["tabsize"]), ExpandTabs),
            new("translate", ArgumentSpec.One, (h, self, a) => Translate(h, self, a[0])),
            new("maketrans", ArgumentSpec.Expect(1, 3), static (h, _, a) => MakeTrans(h, a), MethodBinding.Class),
        ];
    }

    private static bool Py27(Heap heap) => heap.Profile.Wording == ErrorWording.Cpython27;

    /// <summary>
    /// <c>s.expandtabs(tabsize=8)</c>: each tab becomes spaces up to the next multiple of
    /// tabsize (none when it is not positive), the column restarting after \n and \r. 3.x gives
    /// an exact str without tabs back itself; 2.7 always makes a new str.
    /// </summary>
    private static PyRef ExpandTabs(Heap heap, PyObject* self, MethodArgs a)
    {
        long tabSize = 8;
        if (a[0] != null && !ArgumentConversions.TryIndex(heap, a[0], out tabSize))
        {
            return PyRef.Null;
        }

        var s = StrType.AsSpan(self);
        if (!Py27(heap) && !s.Contains('\t') && self->Type == heap.Types.Str.TypeObject)
        {
            return new PyRef(self).NewRef();
        }

        var sb = new StringBuilder(s.Length);
        long column = 0;
        foreach (var c in s)
        {
            if (c == '\t')
            {
                if (tabSize > 0)
                {
                    var spaces = tabSize - (column % tabSize);
                    column += spaces;
                    sb.Append(' ', (int)spaces);
                }

                continue;
            }

            column++;
            sb.Append(c);
            if (c is '\n' or '\r')
            {
                column = 0;
            }
        }

        return heap.NewString(sb.ToString());
    }

    /// <summary>
    /// 2.7's <c>s.translate(table[, deletechars])</c>: table is None or 256 characters indexed by
    /// byte value; deleted characters go first. An exact str left unchanged is returned itself.
    /// </summary>
    private static PyRef Translate27(Heap heap, PyObject* self, MethodArgs a)
    {
        const string BufferError = "expected a string or other character buffer object";
        string? table = null;
        if (a[0] != heap.NoneObject)
        {
            if (!Heap.IsInstance(a[0], heap.Types.Str))
            {
                return heap.RaiseTypeError(BufferError);
            }

            table = StrType.AsString(a[0]);
            if (table.Length != 256)
            {
                return heap.RaiseValueError("translation table must be 256 characters long");
            }
        }

        var delete = "";
        if (a[1] != null)
        {
            if (!Heap.IsInstance(a[1], heap.Types.Str))
            {
                return heap.RaiseTypeError(BufferError);
            }

            delete = StrType.AsString(a[1]);
        }

        var s = StrType.AsSpan(self);
        var sb = new StringBuilder(s.Length);
        var changed = false;
        foreach (var c in s)
        {
            if (delete.Contains(c, StringComparison.Ordinal))
            {
                changed = true;
                continue;
            }

            var mapped = table == null || c > 0xff ? c : table[c];
            changed |= mapped != c;
            sb.Append(mapped);
        }

        return !changed && self->Type == heap.Types.Str.TypeObject ? new PyRef(self).NewRef() : heap.NewString(sb.ToString());
    }

    /// <summary>
    /// 3.x's <c>s.translate(table)</c>: each character's code point is looked up in the table
    /// (<c>table[ord(c)]</c>); a LookupError keeps it, None deletes it, an int or a str replaces
    /// it. As CPython's fast path, an all-ASCII str asks about each ASCII character once while
    /// the answers are ASCII characters or None, and always makes a new str.
    /// </summary>
    private static PyRef Translate(Heap heap, PyObject* self, PyObject* table)
    {
        var s = StrType.AsString(self);
        var sb = new StringBuilder(s.Length);
        var i = 0;
        if (Ascii.IsValid(s))
        {
            var cache = new Dictionary<char, string>();
            for (; i < s.Length; i++)
            {
                if (!cache.TryGetValue(s[i], out var cached))
                {
                    if (!TryLookup(heap, table, s[i], out var mapped))
                    {
                        return PyRef.Null;
                    }

                    // A longer or non-ASCII answer ends the fast path: the general one asks again.
                    if (mapped.Length > 1 || (mapped.Length == 1 && mapped[0] > 0x7f))
                    {
                        break;
                    }

                    cache[s[i]] = cached = mapped;
                }

                sb.Append(cached);
            }
        }

        for (; i < s.Length; i++)
        {
            if (!TryLookup(heap, table, s[i], out var mapped))
            {
                return PyRef.Null;
            }

            sb.Append(mapped);
        }

        return heap.NewString(sb.ToString());
    }

    /// <summary>charmaptranslate_lookup: the text <paramref name="c"/> becomes; false with the error set.</summary>
    private static bool TryLookup(Heap heap, PyObject* table, char c, out string mapped)
    {
        mapped = c.ToString();
        var key = heap.NewInt(c);
        if (key.IsNull)
        {
            return false;
        }

        var item = heap.GetItem(table, key.Ptr);
        key.DecRef();
        if (item.IsNull)
        {
            var lookupError = heap.Types.Exceptions.Find("LookupError");
            if (lookupError == null || !heap.ErrorMatches(lookupError))
            {
                return false;
            }

            heap.ClearError();
            return true;
        }

        var ok = true;
        if (item.Ptr == heap.NoneObject)
        {
            mapped = "";
        }
        else if (heap.IsInt(item.Ptr))
        {
            ok = heap.TryAsLong(item.Ptr, out var code) && code is >= 0 and < 0x110000;
            if (ok)
            {
                mapped = code is >= 0xd800 and <= 0xdfff ? ((char)code).ToString() : char.ConvertFromUtf32((int)code);
            }
            else
            {
                heap.ClearError();
                heap.RaiseValueError("character mapping must be in range(0x110000)");
            }
        }
        else if (Heap.IsInstance(item.Ptr, heap.Types.Str))
        {
            mapped = StrType.AsString(item.Ptr);
        }
        else
        {
            heap.RaiseTypeError("character mapping must return integer, None or str");
            ok = false;
        }

        item.DecRef();
        return ok;
    }

    /// <summary>
    /// 3.x's <c>str.maketrans(x[, y[, z]])</c>: a new dict from code points to what translate
    /// puts for them, from a dict (keys: code points or 1-character strs) or from two strs of
    /// equal length, z's characters mapping to None.
    /// </summary>
    private static PyRef MakeTrans(Heap heap, MethodArgs a)
    {
        for (var i = 1; i < 3; i++)
        {
            if (a[i] != null && !Heap.IsInstance(a[i], heap.Types.Str))
            {
                return heap.RaiseTypeError($"maketrans() argument {i + 1} must be str, not {a[i]->Type->Descriptor.Name}");
            }
        }

        var result = heap.NewDict();
        if (result.IsNull)
        {
            return result;
        }

        var ok = a[1] == null ? FromDict(heap, result.Ptr, a[0]) : FromStrings(heap, result.Ptr, a[0], a[1], a[2]);
        if (ok)
        {
            return result;
        }

        result.DecRef();
        return PyRef.Null;
    }

    private static bool FromDict(Heap heap, PyObject* result, PyObject* x)
    {
        var dicts = heap.Types.Dict;
        if (!dicts.IsDict(x))
        {
            heap.RaiseTypeError("if you give only one argument to maketrans it must be a dict");
            return false;
        }

        nint pos = 0;
        while (dicts.Next(x, ref pos, out var key, out var value))
        {
            PyRef code;
            if (Heap.IsInstance(key, heap.Types.Str))
            {
                if (StrType.LengthOf(key) != 1)
                {
                    heap.RaiseValueError("string keys in translate table must be of length 1");
                    return false;
                }

                code = heap.NewInt(StrType.AsSpan(key)[0]);
            }
            else if (heap.IsInt(key))
            {
                code = new PyRef(key).NewRef();
            }
            else
            {
                heap.RaiseTypeError("keys in translate table must be strings or integers");
                return false;
            }

            if (!Store(heap, result, code, value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool FromStrings(Heap heap, PyObject* result, PyObject* x, PyObject* y, PyObject* z)
    {
        if (!Heap.IsInstance(x, heap.Types.Str))
        {
            heap.RaiseTypeError("first maketrans argument must be a string if there is a second argument");
            return false;
        }

        var from = StrType.AsString(x);
        var to = StrType.AsString(y);
        if (from.Length != to.Length)
        {
            heap.RaiseValueError("the first two maketrans arguments must have equal length");
            return false;
        }

        for (var i = 0; i < from.Length; i++)
        {
            var value = heap.NewInt(to[i]);
            var ok = !value.IsNull && Store(heap, result, heap.NewInt(from[i]), value.Ptr);
            value.XDecRef();
            if (!ok)
            {
                return false;
            }
        }

        var deleted = z == null ? "" : StrType.AsString(z);
        foreach (var c in deleted)
        {
            if (!Store(heap, result, heap.NewInt(c), heap.NoneObject))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>result[key] = value, consuming the new reference <paramref name="key"/>; false with the error set.</summary>
    private static bool Store(Heap heap, PyObject* result, PyRef key, PyObject* value)
    {
        if (key.IsNull)
        {
            return false;
        }

        var r = heap.Types.Dict.SetItem(result, key.Ptr, value);
        key.DecRef();
        return r == 0;
    }
}
