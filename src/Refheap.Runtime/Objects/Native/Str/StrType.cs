using System.Globalization;
using System.Text;

namespace Refheap.Objects.Native.Str;

/// <summary><c>str</c>: immutable text, hash cached, interning for identifiers.</summary>
internal sealed unsafe class StrType : TypeDescriptor
{
    private readonly Dictionary<string, nint> _interned = new(StringComparer.Ordinal);

    /// <summary>Creates the descriptor.</summary>
    public StrType(Heap heap)
        : base(heap, "str")
    {
    }

    /// <summary>The empty string, shared as in CPython.</summary>
    public PyObject* Empty { get; private set; }

    /// <summary>Number of interned strings (they are immortal and not counted in the census).</summary>
    public int InternedCount => _interned.Count;

    internal override void Initialize() => Empty = Intern("").Ptr;

    /// <summary>A new str holding <paramref name="text"/>: a new reference, or null with MemoryError set.</summary>
    public PyRef New(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty && Empty != null)
        {
            return new PyRef(Empty).NewRef();
        }

        var o = Heap.AllocObject(this, AllocationSize(text.Length));
        if (o == null)
        {
            return PyRef.Null;
        }

        var s = (PyStrObject*)o;
        s->Length = text.Length;
        s->Hash = -1;
        text.CopyTo(new Span<char>(Chars(o), text.Length));
        Chars(o)[text.Length] = '\0';
        return new PyRef(o);
    }

    /// <summary>The interned str for <paramref name="text"/> (borrowed: interned strings live as long as the heap).</summary>
    public PyRef Intern(string text)
    {
        if (_interned.TryGetValue(text, out var existing))
        {
            return new PyRef((PyObject*)existing);
        }

        var o = Heap.AllocObject(this, AllocationSize(text.Length));
        if (o == null)
        {
            return PyRef.Null;
        }

        var s = (PyStrObject*)o;
        s->Length = text.Length;
        s->Hash = -1;
        s->Interned = 1;
        text.AsSpan().CopyTo(new Span<char>(Chars(o), text.Length));
        Chars(o)[text.Length] = '\0';

        // Invariant: the intern table owns one reference, dropped only when the heap goes.
        _interned.Add(text, (nint)o);
        return new PyRef(o);
    }

    /// <summary>Whether a str is interned.</summary>
    public static bool IsInterned(PyObject* o) => ((PyStrObject*)o)->Interned != 0;

    /// <summary>The character data of a str.</summary>
    public static char* Chars(PyObject* o) => (char*)((byte*)o + PyStrObject.DataOffset);

    /// <summary>The length of a str in chars.</summary>
    public static nint LengthOf(PyObject* o) => ((PyStrObject*)o)->Length;

    /// <summary>The text of a str, as a span over heap memory (valid while the str lives).</summary>
    public static ReadOnlySpan<char> AsSpan(PyObject* o) => new(Chars(o), (int)((PyStrObject*)o)->Length);

    /// <summary>The text of a str as a .NET string.</summary>
    public static string AsString(PyObject* o) => new(AsSpan(o));

    /// <summary>Whether a str equals <paramref name="text"/>.</summary>
    public static bool EqualsText(PyObject* o, ReadOnlySpan<char> text) => AsSpan(o).SequenceEqual(text);

    private static nuint AllocationSize(nint length) => (nuint)(PyStrObject.DataOffset + (2 * (length + 1)));

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => AllocationSize(((PyStrObject*)self)->Length);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        // Interned strings are owned by the table and never reach zero while the heap lives.
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        var s = (PyStrObject*)self;
        if (s->Hash != -1)
        {
            return s->Hash;
        }

        s->Hash = ComputeHash(AsSpan(self));
        return s->Hash;
    }

    /// <summary>
    /// CPython 2.7's string hash with hash randomization off (its default): every profile uses
    /// it, so that 2.7's dict and set iteration orders come out the same as CPython's; 3.x
    /// randomizes its string hash, so no 3.x program can depend on the value.
    /// </summary>
    public static long ComputeHash(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        unchecked
        {
            var x = (long)text[0] << 7;
            foreach (var c in text)
            {
                x = (1000003 * x) ^ c;
            }

            x ^= text.Length;
            return x == -1 ? -2 : x;
        }
    }

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (!Heap.IsInstance(other, this))
        {
            return Heap.NotImplemented;
        }

        var c = AsSpan(self).SequenceCompareTo(AsSpan(other));
        return Heap.NewBool(op.Accepts(c));
    }

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) => Constructors.SequenceConstructors.Str(Heap, args, kwargs);

    /// <inheritdoc/>
    /// <remarks><c>s[i]</c> with an integer index, or <c>s[slice]</c>.</remarks>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (Heap.Types.Slice.IsSlice(key))
        {
            return Heap.Types.Slice.TryIndices(key, LengthOf(self), out var s) ? GetSlice(self, s) : PyRef.Null;
        }

        if (!Heap.IsInt(key))
        {
            return Heap.RaiseTypeError(Heap.Profile.Wording == ErrorWording.Cpython27
                ? $"string indices must be integers, not {key->Type->Descriptor.Name}"
                : $"string indices must be integers, not '{key->Type->Descriptor.Name}'");
        }

        return Heap.TryIndex(key, LengthOf(self), "string", out var i) ? New(AsSpan(self).Slice((int)i, 1)) : PyRef.Null;
    }

    /// <summary>
    /// The characters a slice selects, as a str: a new reference, or null with MemoryError set.
    /// An exact str sliced whole is itself, as in CPython (<c>s[:] is s</c>).
    /// </summary>
    public PyRef GetSlice(PyObject* self, in Slice.SliceIndices s)
    {
        var text = AsSpan(self);
        if (s.IsSimple)
        {
            return s.Count == text.Length && self->Type == TypeObject
                ? new PyRef(self).NewRef()
                : New(text.Slice((int)s.Start, (int)s.Count));
        }

        var chars = new char[s.Count];
        for (nint i = 0; i < s.Count; i++)
        {
            chars[i] = text[(int)s[i]];
        }

        return New(chars);
    }

    /// <inheritdoc/>
    public override nint Length(PyObject* self) => ((PyStrObject*)self)->Length;

    /// <inheritdoc/>
    /// <remarks>3.x: str_ascii_iterator or str_iterator; 2.7: the generic iterator over <c>__getitem__</c>.</remarks>
    public override PyRef Iter(PyObject* self) =>
        Heap.Types.Iterators.Behaviour.StrHasOwnIterator ? Heap.Types.Iterators.NewStrIterator(self) : Heap.Types.Iterators.Sequence.New(self);

    /// <inheritdoc/>
    /// <remarks>A substring test; the left operand must be a str.</remarks>
    public override int Contains(PyObject* self, PyObject* item)
    {
        if (!Heap.IsInstance(item, this))
        {
            Heap.RaiseTypeError($"'in <string>' requires string as left operand, not {item->Type->Descriptor.Name}");
            return -1;
        }

        return AsSpan(self).IndexOf(AsSpan(item), StringComparison.Ordinal) >= 0 ? 1 : 0;
    }

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => ((PyStrObject*)self)->Length != 0 ? 1 : 0;

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self) => new PyRef(self).NewRef();

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) => New(Quote(AsSpan(self), bytesRepr: Heap.Profile.IntPromotesToLong));

    /// <summary>
    /// The repr of a text as CPython writes it: single quotes unless the text has a single
    /// quote and no double quote; \\, \n, \r, \t and the quote escaped; other characters
    /// escaped unless printable. 3.x (unicode_repr): printable means not in categories Cc, Cf,
    /// Cs, Co, Cn, Zl, Zp, Zs (space aside), escaped as \xNN, \uNNNN or \UNNNNNNNN.
    /// 2.7 (<paramref name="bytesRepr"/>, string_repr): a str is bytes, so everything outside
    /// 0x20..0x7e is escaped as \xNN (\uNNNN above 0xff, which a 2.7 str cannot hold).
    /// </summary>
    public static string Quote(ReadOnlySpan<char> text, bool bytesRepr = false)
    {
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(text.Length + 2);
        sb.Append(quote);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c >= 0x20 && c < 0x7f)
                    {
                        sb.Append(c);
                    }
                    else if (bytesRepr)
                    {
                        AppendEscape(sb, c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        var rune = new Rune(c, text[i + 1]);
                        i++;
                        if (IsPrintable(Rune.GetUnicodeCategory(rune)))
                        {
                            sb.Append(c).Append(text[i]);
                        }
                        else
                        {
                            AppendEscape(sb, rune.Value);
                        }
                    }
                    else if (!char.IsSurrogate(c) && IsPrintable(CharUnicodeInfo.GetUnicodeCategory(c)))
                    {
                        sb.Append(c);
                    }
                    else
                    {
                        AppendEscape(sb, c);
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }

    private static bool IsPrintable(UnicodeCategory category) => category switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };

    private static void AppendEscape(StringBuilder sb, int codePoint) =>
        sb.Append(codePoint switch
        {
            <= 0xff => "\\x" + codePoint.ToString("x2", CultureInfo.InvariantCulture),
            <= 0xffff => "\\u" + codePoint.ToString("x4", CultureInfo.InvariantCulture),
            _ => "\\U" + codePoint.ToString("x8", CultureInfo.InvariantCulture),
        });

    /// <summary>Drops the intern table's references (heap teardown only).</summary>
    internal IEnumerable<nint> InternedObjects => _interned.Values;
}
