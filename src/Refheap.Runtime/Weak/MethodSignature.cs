using Refheap.Objects;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Weak;

/// <summary>
/// The parameters of a method that CPython writes in Python (<c>def get(self, key, default=None)</c>),
/// and the binding of a call's arguments to them with the errors the profile's CPython raises
/// for a bad call (ceval's wording: 2.7 "get() takes at least 2 arguments (1 given)", 3.12
/// "WeakValueDictionary.get() missing 1 required positional argument: 'key'").
/// </summary>
/// <param name="owner">The class that defines the method (3.12 shows it in the qualified name).</param>
/// <param name="name">The method's name.</param>
/// <param name="parameters">The parameters after <c>self</c>.</param>
/// <param name="required">How many of them have no default.</param>
/// <param name="varArgs">Whether extra positional arguments are collected (<c>*args</c>).</param>
internal sealed unsafe class MethodSignature(string owner, string name, string[] parameters, int required, bool varArgs = false)
{
    /// <summary>The method's name.</summary>
    public string Name { get; } = name;

    /// <summary>How 3.12 names the function in its errors.</summary>
    public string QualifiedName => owner + "." + Name;

    /// <summary>A method that takes nothing but <c>self</c>.</summary>
    public static MethodSignature NoArguments(string owner, string name) => new(owner, name, [], 0);

    /// <summary>
    /// Binds <paramref name="args"/> (a tuple) and <paramref name="kwargs"/> (a dict or null) to
    /// the parameters. <paramref name="bound"/> gets one borrowed reference per parameter (null
    /// when defaulted), then the extra positional arguments. False with TypeError set on a bad call.
    /// </summary>
    public bool TryBind(Heap heap, PyObject* args, PyObject* kwargs, out PyObject*[] bound)
    {
        var positional = TupleType.Size(args);
        var extra = varArgs ? Math.Max(0, positional - parameters.Length) : 0;
        bound = new PyObject*[parameters.Length + extra];
        var keywordCount = kwargs == null ? 0 : heap.Types.Dict.Count(kwargs);
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        if (!varArgs && positional > parameters.Length)
        {
            TooMany(heap, py27, positional, keywordCount);
            return false;
        }

        for (nint i = 0; i < positional; i++)
        {
            bound[i] = TupleType.Item(args, i);
        }

        if (keywordCount > 0 && !BindKeywords(heap, py27, kwargs, bound))
        {
            return false;
        }

        var missing = new List<string>();
        for (var i = 0; i < required; i++)
        {
            if (bound[i] == null)
            {
                missing.Add(parameters[i]);
            }
        }

        if (missing.Count == 0)
        {
            return true;
        }

        if (py27)
        {
            // ceval 2.7: counts the parameters (self included) that got a value.
            var given = 1;
            for (var i = 0; i < parameters.Length; i++)
            {
                given += bound[i] != null ? 1 : 0;
            }

            var least = required + 1;
            var kind = varArgs || required < parameters.Length ? "at least" : "exactly";
            heap.RaiseTypeError($"{Name}() takes {kind} {least} argument{Plural(least)} ({given} given)");
        }
        else
        {
            heap.RaiseTypeError($"{QualifiedName}() missing {missing.Count} required positional argument{Plural(missing.Count)}: {JoinNames(missing)}");
        }

        return false;
    }

    private bool BindKeywords(Heap heap, bool py27, PyObject* kwargs, PyObject*[] bound)
    {
        nint pos = 0;
        while (heap.Types.Dict.Next(kwargs, ref pos, out var key, out var value))
        {
            var text = Heap.IsInstance(key, heap.Types.Str) ? StrType.AsString(key) : "";
            var index = Array.IndexOf(parameters, text);
            if (index < 0)
            {
                heap.RaiseTypeError($"{(py27 ? Name : QualifiedName)}() got an unexpected keyword argument '{text}'");
                return false;
            }

            if (bound[index] != null)
            {
                heap.RaiseTypeError(py27
                    ? $"{Name}() got multiple values for keyword argument '{text}'"
                    : $"{QualifiedName}() got multiple values for argument '{text}'");
                return false;
            }

            bound[index] = value;
        }

        return true;
    }

    private void TooMany(Heap heap, bool py27, nint positional, nint keywordCount)
    {
        // Both versions count self among the parameters and the arguments.
        var most = parameters.Length + 1;
        var given = positional + 1;
        if (py27)
        {
            var kind = required < parameters.Length ? "at most" : "exactly";
            heap.RaiseTypeError($"{Name}() takes {kind} {most} argument{Plural(most)} ({given + keywordCount} given)");
            return;
        }

        var takes = required < parameters.Length ? $"from {required + 1} to {most}" : most.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var plural = required < parameters.Length || most != 1 ? "s" : "";
        heap.RaiseTypeError($"{QualifiedName}() takes {takes} positional argument{plural} but {given} {(given == 1 ? "was" : "were")} given");
    }

    private static string Plural(long n) => n == 1 ? "" : "s";

    /// <summary>'a' / 'a' and 'b' / 'a', 'b', and 'c', as 3.x's missing-argument error lists names.</summary>
    internal static string JoinNames(List<string> names) => names.Count switch
    {
        1 => $"'{names[0]}'",
        2 => $"'{names[0]}' and '{names[1]}'",
        _ => string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'")) + $", and '{names[^1]}'",
    };
}
