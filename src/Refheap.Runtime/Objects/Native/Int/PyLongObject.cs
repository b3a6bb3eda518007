using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// An arbitrary-precision integer, as CPython's <c>PyLongObject</c>: the py312 <c>int</c>,
/// py27's <c>long</c>, and py312's <c>True</c>/<c>False</c>.
/// <code>
///  0 RefCount   8 Type   16 Size (nint: sign = the number's sign, |Size| = digit count)
/// 24 digit[0] digit[1] ... (uint each, 30 bits used, least significant first)
/// </code>
/// </summary>
/// <remarks>
/// Zero has Size 0. The most significant digit is never 0 (the number is normalized). As
/// CPython 3.12 does, py312 allocates at least one digit, so that <c>sys.getsizeof(0)</c> is
/// 28; py27 allocates exactly |Size| digits (<c>sys.getsizeof(0L)</c> is 24). CPython 3.12
/// keeps the sign and count in a tagged <c>lv_tag</c> word; the signed count of CPython 2.7
/// to 3.11 takes the same 8 bytes, so every size matches.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct PyLongObject
{
    /// <summary>Header and signed digit count.</summary>
    public PyVarObject Base;

    /// <summary>Bytes before the first digit.</summary>
    public const int DigitsOffset = 24;
}
