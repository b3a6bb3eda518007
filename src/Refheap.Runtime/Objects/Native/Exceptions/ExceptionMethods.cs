using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Exceptions;

/// <summary>
/// The methods of BaseException, inherited by every exception class: <c>__init__</c>, which a
/// subclass's own <c>__init__</c> calls (<c>Exception.__init__(self, msg)</c>, <c>super().__init__(msg)</c>).
/// </summary>
internal static unsafe class ExceptionMethods
{
    /// <summary>The methods, for any profile (the profile differences are in <see cref="ExceptionType.Init"/>).</summary>
    public static IEnumerable<BuiltinMethod> Create() =>
    [
        new("__init__", ArgumentSpec.AnyArgs, static (h, self, a) =>
            h.Types.Exceptions.BaseException.Init(self, a.Tuple, a.Kwargs) < 0 ? PyRef.Null : h.None),
    ];
}
