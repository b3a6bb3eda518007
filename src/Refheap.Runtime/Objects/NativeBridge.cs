using Refheap.Objects.Native.Tuple;

using Refheap.Objects.Native.Function;

namespace Refheap.Objects;

/// <summary>Turns public C# delegates into heap callables: arguments become handles in a scope that closes when the call returns.</summary>
internal static unsafe class NativeBridge
{
    /// <summary>Wraps <paramref name="body"/>; <paramref name="name"/> is used in error messages.</summary>
    public static NativeCallable Wrap(Runtime runtime, string name, PythonMethod body) =>
        (heap, self, args, kwargs) =>
        {
            if (kwargs != null && heap.Types.Dict.Count(kwargs) > 0)
            {
                return heap.RaiseTypeError($"{name}() takes no keyword arguments");
            }

            // The runtime lock is held: heap code only runs under it.
            using var scope = runtime.OpenScope();
            var selfHandle = self != null ? runtime.HandleFor(new PyRef(self)) : default;
            var n = TupleType.Size(args);
            var handles = new Handle[n];
            for (nint i = 0; i < n; i++)
            {
                handles[i] = runtime.HandleFor(new PyRef(TupleType.Item(args, i)));
            }

            Handle result;
            try
            {
                result = body(selfHandle, handles);
            }
            catch (PythonException e) when (e.Exception.RuntimeOrNull == runtime && runtime.IsLive(e.Exception))
            {
                // Re-raise the very instance (its type, args and attributes), while its handle lives.
                return heap.RestoreError(runtime.Resolve(e.Exception).NewRef());
            }

            return result.IsEmpty ? heap.None : runtime.Resolve(result).NewRef();
        };
}
