using System.Globalization;
using System.Numerics;
using System.Text;

namespace Refheap.Python.Compiler;

/// <summary>
/// A constant tuple: a folded tuple display (<c>(1, 'a')</c>), or the items a 3.x constant list
/// display extends an empty list with. Items are constants: null (None), bool, BigInteger,
/// <see cref="LongLiteral"/>, double, string or another <see cref="TupleConstant"/>.
/// </summary>
internal sealed record TupleConstant(object?[] Items)
{
    private string? _key;

    /// <summary>
    /// A text that two tuples share exactly when CPython 3.12 would merge them into one
    /// constant (its _PyCode_ConstantKey: equal items of the same types, so (1,) and (1.0,) and
    /// (True,) stay apart, as do 0.0 and -0.0).
    /// </summary>
    public string Key => _key ??= BuildKey();

    private string BuildKey()
    {
        var sb = new StringBuilder("(");
        foreach (var item in Items)
        {
            sb.Append(item switch
            {
                null => "N",
                bool b => b ? "T" : "F",
                BigInteger i => "I" + i.ToString(CultureInfo.InvariantCulture),
                LongLiteral l => "L" + l.Value.ToString(CultureInfo.InvariantCulture),
                double d => "D" + BitConverter.DoubleToInt64Bits(d).ToString("x", CultureInfo.InvariantCulture),
                string s => "S" + s.Length.ToString(CultureInfo.InvariantCulture) + ":" + s,
                TupleConstant t => t.Key,
                ConstantKind.Ellipsis => "E",
                _ => throw new InvalidOperationException($"not a tuple constant item: {item.GetType().Name}"),
            }).Append(',');
        }

        return sb.Append(')').ToString();
    }
}
