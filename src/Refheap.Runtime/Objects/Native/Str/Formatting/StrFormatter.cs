using System.Text;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// <c>str.format(*args, **kwargs)</c> (Objects/stringlib/unicode_format.h): literal text with
/// <c>{{</c> and <c>}}</c>, replacement fields <c>{name.attr[key]!conversion:spec}</c> whose
/// spec may hold nested fields, automatic and manual numbering, CPython's errors per profile.
/// </summary>
internal static unsafe class StrFormatter
{
    private const int MaxRecursion = 2;

    /// <summary><c>format.format(*args, **kwargs)</c>: a new str reference, or null with the error set.</summary>
    public static PyRef Format(Heap heap, string format, PyObject* args, PyObject* kwargs)
    {
        var context = new Context(heap, FormattingBehaviour.Of(heap.Profile), args, kwargs);
        var sb = new StringBuilder(format.Length + 16);
        return Render(ref context, format, MaxRecursion, sb) ? heap.NewString(sb.ToString()) : PyRef.Null;
    }

    /// <summary>
    /// 3.x's <c>format.format_map(mapping)</c>: names are looked up in any mapping
    /// (<c>mapping[name]</c>, so a dict subclass's <c>__missing__</c> answers), and a positional
    /// field is a ValueError. A new str reference, or null with the error set.
    /// </summary>
    public static PyRef FormatMap(Heap heap, string format, PyObject* mapping)
    {
        var context = new Context(heap, FormattingBehaviour.Of(heap.Profile), null, mapping, isMapping: true);
        var sb = new StringBuilder(format.Length + 16);
        return Render(ref context, format, MaxRecursion, sb) ? heap.NewString(sb.ToString()) : PyRef.Null;
    }

    private static bool Render(ref Context c, string format, int depth, StringBuilder sb)
    {
        var heap = c.Heap;
        if (depth <= 0)
        {
            heap.RaiseValueError("Max string recursion exceeded");
            return false;
        }

        var i = 0;
        while (i < format.Length)
        {
            var ch = format[i++];
            if (ch == '}')
            {
                if (i < format.Length && format[i] == '}')
                {
                    sb.Append('}');
                    i++;
                    continue;
                }

                heap.RaiseValueError("Single '}' encountered in format string");
                return false;
            }

            if (ch != '{')
            {
                sb.Append(ch);
                continue;
            }

            if (i < format.Length && format[i] == '{')
            {
                sb.Append('{');
                i++;
                continue;
            }

            if (i >= format.Length)
            {
                heap.RaiseValueError("Single '{' encountered in format string");
                return false;
            }

            // The field runs to the '}' that balances its '{' (nested fields sit in the spec).
            var start = i;
            if (!(c.Rules.FieldsHaveParts ? ScanField(heap, format, ref i) : ScanBraces(heap, format, ref i)))
            {
                return false;
            }

            if (!RenderField(ref c, format.AsSpan(start, i - start), depth, sb))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    // 2.7: the field ends at the '}' that balances its '{'; i is left on it.
    private static bool ScanBraces(Heap heap, string format, ref int i)
    {
        var level = 1;
        for (; i < format.Length; i++)
        {
            if (format[i] == '{')
            {
                level++;
            }
            else if (format[i] == '}' && --level == 0)
            {
                return true;
            }
        }

        heap.RaiseValueError("unmatched '{' in format");
        return false;
    }

    // 3.x: name (brackets may hold any character), then '!' and one conversion character, then
    // ':' and a spec whose braces balance; i is left on the closing '}'.
    private static bool ScanField(Heap heap, string format, ref int i)
    {
        while (i < format.Length && format[i] is not (':' or '!' or '}'))
        {
            if (format[i] == '[')
            {
                while (i < format.Length && format[i] != ']')
                {
                    i++;
                }

                if (i >= format.Length)
                {
                    break;
                }
            }

            i++;
        }

        if (i >= format.Length)
        {
            heap.RaiseValueError("expected '}' before end of string");
            return false;
        }

        if (format[i] == '!')
        {
            i += 2;
            if (i < format.Length && format[i] is not (':' or '}'))
            {
                heap.RaiseValueError("expected ':' after conversion specifier");
                return false;
            }
        }

        if (i < format.Length && format[i] == ':')
        {
            var level = 1;
            for (i++; i < format.Length; i++)
            {
                if (format[i] == '{')
                {
                    level++;
                }
                else if (format[i] == '}' && --level == 0)
                {
                    return true;
                }
            }
        }

        if (i >= format.Length)
        {
            heap.RaiseValueError("unmatched '{' in format spec");
            return false;
        }

        return true;
    }

    // One replacement field's text (between the braces): name, conversion, spec.
    private static bool RenderField(ref Context c, ReadOnlySpan<char> field, int depth, StringBuilder sb)
    {
        var heap = c.Heap;
        var nameEnd = 0;
        var bracket = false;
        while (nameEnd < field.Length)
        {
            var f = field[nameEnd];
            if (f == '[')
            {
                bracket = true;
            }
            else if (f == ']')
            {
                bracket = false;
            }
            else if (!bracket && f is ':' or '!')
            {
                break;
            }

            nameEnd++;
        }

        var name = field[..nameEnd];
        var conversion = '\0';
        var specStart = nameEnd;
        if (nameEnd < field.Length && field[nameEnd] == '!')
        {
            if (nameEnd + 1 >= field.Length)
            {
                heap.RaiseValueError(c.Rules.Wording27 ? "end of format while looking for conversion specifier" : "unmatched '{' in format spec");
                return false;
            }

            conversion = field[nameEnd + 1];
            specStart = nameEnd + 2;
            if (specStart < field.Length && field[specStart] != ':')
            {
                heap.RaiseValueError(c.Rules.Wording27 ? "expected ':' after format specifier" : "expected ':' after conversion specifier");
                return false;
            }
        }

        var spec = specStart < field.Length ? field[(specStart + 1)..] : [];
        var value = Lookup(ref c, name);
        if (value.IsNull)
        {
            return false;
        }

        if (conversion != '\0')
        {
            var converted = Convert(c, value, conversion);
            value.DecRef();
            if (converted.IsNull)
            {
                return false;
            }

            value = converted;
        }

        string specText;
        if (spec.Contains('{'))
        {
            var nested = new StringBuilder();
            if (!Render(ref c, spec.ToString(), depth - 1, nested))
            {
                value.DecRef();
                return false;
            }

            specText = nested.ToString();
        }
        else
        {
            specText = spec.ToString();
        }

        var text = ValueFormatter.Format(heap, value.Ptr, specText, exactFastPath: true);
        value.DecRef();
        if (text.IsNull)
        {
            return false;
        }

        sb.Append(StrType.AsSpan(text.Ptr));
        text.DecRef();
        return true;
    }

    private static PyRef Convert(in Context c, PyRef value, char conversion)
    {
        var heap = c.Heap;
        switch (conversion)
        {
            case 'r':
                return heap.Repr(value.Ptr);
            case 's':
                return heap.Str(value.Ptr);
            case 'a' when c.Rules.AsciiConversion:
                var r = heap.Repr(value.Ptr);
                if (r.IsNull)
                {
                    return r;
                }

                var escaped = PercentFormatter.AsciiEscape(StrType.AsString(r.Ptr));
                r.DecRef();
                return heap.NewString(escaped);
            default:
                return conversion > ' ' && conversion < 0x7f
                    ? heap.RaiseValueError($"Unknown conversion specifier {conversion}")
                    : heap.RaiseValueError($"Unknown conversion specifier \\x{(int)conversion:x}");
        }
    }

    // The object a field name designates: an argument, then '.attr' and '[key]' steps. New reference.
    private static PyRef Lookup(ref Context c, ReadOnlySpan<char> name)
    {
        var heap = c.Heap;
        var firstEnd = name.IndexOfAny('.', '[');
        var first = firstEnd < 0 ? name : name[..firstEnd];
        var rest = firstEnd < 0 ? [] : name[firstEnd..];
        PyRef obj;
        if (first.IsEmpty || IsDigits(first))
        {
            obj = c.Positional(first);
        }
        else
        {
            obj = c.Keyword(first);
        }

        while (!obj.IsNull && !rest.IsEmpty)
        {
            PyRef next;
            if (rest[0] == '.')
            {
                var end = rest[1..].IndexOfAny('.', '[');
                var attr = end < 0 ? rest[1..] : rest.Slice(1, end);
                rest = end < 0 ? [] : rest[(end + 1)..];
                if (attr.IsEmpty)
                {
                    obj.DecRef();
                    return heap.RaiseValueError("Empty attribute in format string");
                }

                next = heap.GetAttr(obj.Ptr, attr.ToString());
            }
            else
            {
                var close = rest.IndexOf(']');
                if (close < 0)
                {
                    obj.DecRef();
                    return heap.RaiseValueError("Missing ']' in format string");
                }

                var key = rest[1..close];
                rest = rest[(close + 1)..];
                if (key.IsEmpty)
                {
                    obj.DecRef();
                    return heap.RaiseValueError("Empty attribute in format string");
                }

                if (!rest.IsEmpty && rest[0] is not ('.' or '['))
                {
                    obj.DecRef();
                    return heap.RaiseValueError("Only '.' or '[' may follow ']' in format field specifier");
                }

                var keyObj = IsDigits(key) && long.TryParse(key, out var index) ? heap.NewInt(index) : heap.NewString(key);
                if (keyObj.IsNull)
                {
                    obj.DecRef();
                    return keyObj;
                }

                next = heap.GetItem(obj.Ptr, keyObj.Ptr);
                keyObj.DecRef();
            }

            obj.DecRef();
            obj = next;
        }

        return obj;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return !s.IsEmpty;
    }

    /// <summary>The call's arguments and the numbering mode (automatic or manual, never both).</summary>
    private struct Context(Heap heap, FormattingBehaviour rules, PyObject* args, PyObject* kwargs, bool isMapping = false)
    {
        private int _auto;
        private bool _usedAuto;
        private bool _usedManual;

        public readonly Heap Heap => heap;

        public readonly FormattingBehaviour Rules => rules;

        /// <summary>The positional argument named by digits, or the next one when empty: a new reference.</summary>
        public PyRef Positional(ReadOnlySpan<char> digits)
        {
            long index;
            if (digits.IsEmpty)
            {
                if (_usedManual)
                {
                    return heap.RaiseValueError("cannot switch from manual field specification to automatic field numbering");
                }

                _usedAuto = true;
                index = _auto++;
            }
            else
            {
                if (_usedAuto)
                {
                    return heap.RaiseValueError("cannot switch from automatic field numbering to manual field specification");
                }

                _usedManual = true;
                if (!long.TryParse(digits, out index))
                {
                    return heap.RaiseValueError("Too many decimal digits in format string");
                }
            }

            if (args == null)
            {
                return heap.RaiseValueError("Format string contains positional fields");
            }

            if (index >= TupleType.Size(args))
            {
                return heap.RaiseIndexError(rules.Wording27 ? "tuple index out of range" : $"Replacement index {index} out of range for positional args tuple");
            }

            return new PyRef(TupleType.Item(args, (nint)index)).NewRef();
        }

        /// <summary>The keyword argument <paramref name="name"/>: a new reference, or KeyError.</summary>
        public readonly PyRef Keyword(ReadOnlySpan<char> name)
        {
            if (isMapping)
            {
                var nameObject = heap.NewString(name);
                if (nameObject.IsNull)
                {
                    return nameObject;
                }

                var item = heap.GetItem(kwargs, nameObject.Ptr);
                nameObject.DecRef();
                return item;
            }

            var value = kwargs == null ? null : heap.Types.Dict.GetItemString(kwargs, name);
            if (value != null)
            {
                return new PyRef(value).NewRef();
            }

            var key = heap.NewString(name);
            if (key.IsNull)
            {
                return key;
            }

            heap.RaiseKeyError(key);
            key.DecRef();
            return PyRef.Null;
        }
    }
}
