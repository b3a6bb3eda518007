using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Types;

/// <summary>
/// A builtin function's <c>__module__</c> (CPython's m_module): the module that defines a
/// plain function, None for one made without a module or bound to an object, and no such
/// attribute on the method descriptors; a module's dict as PyModule_New starts it.
/// </summary>
public sealed class NativeFunctionModuleTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_plain_function_reports_the_module_named_for_it_once(string profile) =>
        Leaks.Check(profile, rt =>
        {
            // python: gc.collect.__module__ → 'gc'; a function made without a module → None
            var api = rt.Api;
            var f = api.NewNativeFunction("collect", (_, _, _) => api.NoneObject.NewRef(), isMethod: false);
            Assert.Equal("None", ModuleRepr(api, f));
            Assert.True(api.NameFunctionModule(f, "gc"));
            Assert.Equal("'gc'", ModuleRepr(api, f));

            // The first name stays: weakref's functions name _weakref before the import names the rest weakref.
            Assert.False(api.NameFunctionModule(f, "other"));
            Assert.Equal("'gc'", ModuleRepr(api, f));
            f.DecRef();
        });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_freed_function_takes_its_module_with_it(string profile) =>
        Leaks.Check(profile, rt =>
        {
            // Its slot (and in 2.7 its block, from the free list) goes to the next function made.
            var api = rt.Api;
            var f = api.NewNativeFunction("collect", (_, _, _) => api.NoneObject.NewRef(), isMethod: false);
            Assert.True(api.NameFunctionModule(f, "gc"));
            f.DecRef();
            var g = api.NewNativeFunction("other", (_, _, _) => api.NoneObject.NewRef(), isMethod: false);
            Assert.Equal("None", ModuleRepr(api, g));
            g.DecRef();
        });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Methods_are_never_named_and_descriptors_have_no_module(string profile) =>
        Leaks.Check(profile, rt =>
        {
            // python: [].append.__module__ → None; list.append.__module__ → AttributeError
            var api = rt.Api;
            var list = api.Heap.NewList();
            var bound = api.GetAttr(list, "append");
            Assert.False(api.NameFunctionModule(bound, "builtins"));
            Assert.Equal("None", ModuleRepr(api, bound));
            var descriptor = api.GetAttr(api.Heap.TypeObjectOf(api.Heap.Types.List), "append");
            Assert.False(api.NameFunctionModule(descriptor, "builtins"));
            Assert.True(api.GetAttr(descriptor, "__module__").IsNull);
            Assert.True(api.Heap.ErrorMatches(api.Heap.Types.Exceptions.AttributeError));
            api.Heap.ClearError();
            var method = api.NewNativeFunction("m", (_, _, _) => api.NoneObject.NewRef(), isMethod: true);
            Assert.False(api.NameFunctionModule(method, "builtins"));
            foreach (var r in new[] { method, descriptor, bound, list })
            {
                r.DecRef();
            }
        });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_new_module_dict_holds_name_doc_and_package(string profile) =>
        Leaks.Check(profile, rt =>
        {
            // python2.7: imp.new_module('m').__dict__.keys() → ['__name__', '__doc__', '__package__'];
            // 3.12's PyModule_New also adds __loader__ and __spec__, left to Refheap's module makers.
            var api = rt.Api;
            var module = api.NewModule("m");
            var dict = ObjectApi.ModuleDict(module);
            Assert.Equal(["__name__", "__doc__", "__package__"], api.DictItems(dict).Select(item => ObjectApi.StrText(item.Key)));
            Assert.True(api.IsNone(api.DictGetString(dict, "__package__")));
            module.DecRef();
        });

    private static string? ModuleRepr(ObjectApi api, PyRef f)
    {
        var module = api.GetAttr(f, "__module__");
        Assert.False(module.IsNull);
        var text = api.Repr(module);
        module.DecRef();
        return text;
    }
}
