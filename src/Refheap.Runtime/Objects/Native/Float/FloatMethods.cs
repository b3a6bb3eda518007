using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Float;

/// <summary>The methods of <c>float</c>: is_integer.</summary>
internal static unsafe class FloatMethods
{
    /// <summary>The methods.</summary>
    public static IEnumerable<BuiltinMethod> Create() =>
    [
        new("conjugate", ArgumentSpec.NoArgs, static (h, self, _) => Int.NumberAttributes.Real(h, self)),
        new("is_integer", ArgumentSpec.NoArgs, static (h, self, _) =>
        {
            var d = h.AsDouble(self);
            return h.NewBool(double.IsFinite(d) && Math.Floor(d) == d);
        }),
    ];
}
