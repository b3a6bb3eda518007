using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Float;
using Refheap.Objects.Native.Int;
using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Object;
using Refheap.Objects.Native.Range;
using Refheap.Objects.Native.Set;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Methods;

/// <summary>
/// Installs the methods of the built-in types into their type dicts when a heap starts (after
/// the type objects and their dicts exist), one table per type, each built for the heap's profile.
/// </summary>
internal static class BuiltinMethodTables
{
    /// <summary>Installs every table; throws when the heap cannot hold them (the heap limit is too small to start).</summary>
    public static void InstallAll(Heap heap)
    {
        var types = heap.Types;
        Install(types.Object, ObjectMethods.Create(heap));
        if (!TypeDictMethods.InstallObjectClassAttribute(heap))
        {
            throw new OutOfMemoryException("the heap limit is too small to hold object's __class__ attribute");
        }

        Install(types.Type, Type.TypeMethods.Create(heap));
        Install(types.List, [.. ListMethods.Create(heap), .. ContainerSlots(types.List, ArgumentSpec.One, mutable: true)]);
        Install(types.Tuple, [.. TupleMethods.Create(heap), .. ContainerSlots(types.Tuple, ArgumentSpec.Wrapper(1), mutable: false)]);
        Install(types.Str, [.. StrMethods.Create(heap), .. ContainerSlots(types.Str, ArgumentSpec.Wrapper(1), mutable: false)]);
        Install(types.Dict, [.. DictMethods.Create(heap), SlotWrappers.SetItem(types.Dict), SlotWrappers.DelItem(types.Dict), SlotWrappers.Len(types.Dict), SlotWrappers.Iter(types.Dict)]);
        Install(types.Set, [.. SetMethods.Create(types.Set), SlotWrappers.Len(types.Set), SlotWrappers.Iter(types.Set)]);
        Install(types.FrozenSet, [.. SetMethods.Create(types.FrozenSet), SlotWrappers.Len(types.FrozenSet), SlotWrappers.Iter(types.FrozenSet)]);
        Install(types.PythonFunction, DescriptorSlots.Create(types.PythonFunction, data: false));
        Install(types.ClassMethod, DescriptorSlots.Create(types.ClassMethod, data: false));
        Install(types.StaticMethod, DescriptorSlots.Create(types.StaticMethod, data: false));
        Install(types.Property, DescriptorSlots.Create(types.Property, data: true));
        Install(types.MemberDescriptor, DescriptorSlots.Create(types.MemberDescriptor, data: true));
        Install(types.GetSetDescriptor, DescriptorSlots.Create(types.GetSetDescriptor, data: true));
        foreach (var descriptors in types.NativeFunction.DescriptorTypes.Where(t => t.Flavor != Function.NativeFunctionFlavor.MethodWrapper))
        {
            Install(descriptors, DescriptorSlots.Create(descriptors, data: false));
        }

        Install(types.Int, IntMethods.Create(heap));
        if (types.Long != null)
        {
            Install(types.Long, IntMethods.Create(heap));
        }

        Install(types.Float, FloatMethods.Create(heap));
        foreach (var (type, names) in NumberAttributes.Descriptors(heap))
        {
            if (!TypeDictMethods.InstallAttributes(type, names))
            {
                throw new OutOfMemoryException($"the heap limit is too small to hold the attributes of '{type.Name}'");
            }
        }

        Install(types.Iterators.Range, RangeMethods.Create(heap));
        Install(types.Slice, Slice.SliceMethods.Create());
        Install(types.MappingProxy, types.MappingProxy.Methods());
        Install(types.Exceptions.BaseException, Exceptions.ExceptionMethods.Create(heap));
        foreach (var iterator in types.Iterators.Iterators)
        {
            Install(iterator, IteratorMethods.Create(heap));
        }

        foreach (var (type, methods) in DictViewMethods.Tables(heap))
        {
            Install(type, methods);
        }

        foreach (var (type, methods) in Type.DirMethods.Tables(heap))
        {
            Install(type, methods);
        }

        foreach (var (type, methods) in Str.Formatting.FormatMethods.Tables(heap).Concat(BuiltinIterators.BuiltinIteratorMethods.Tables(heap)))
        {
            Install(type, methods);
        }
    }

    /// <summary>A sequence's slot wrappers: <c>__getitem__</c> (parsed by <paramref name="getItem"/>), <c>__len__</c>, <c>__iter__</c>, <c>__contains__</c>, and for a list the item stores.</summary>
    private static IEnumerable<BuiltinMethod> ContainerSlots(TypeDescriptor type, ArgumentSpec getItem, bool mutable)
    {
        List<BuiltinMethod> slots = [SlotWrappers.GetItem(type, getItem), SlotWrappers.Len(type), SlotWrappers.Iter(type), SlotWrappers.Contains(type)];
        if (mutable)
        {
            slots.Add(SlotWrappers.SetItem(type));
            slots.Add(SlotWrappers.DelItem(type));
        }

        return slots;
    }

    private static void Install(TypeDescriptor type, IEnumerable<BuiltinMethod> methods)
    {
        if (!TypeDictMethods.Install(type, methods))
        {
            throw new OutOfMemoryException($"the heap limit is too small to hold the methods of '{type.Name}'");
        }
    }
}
