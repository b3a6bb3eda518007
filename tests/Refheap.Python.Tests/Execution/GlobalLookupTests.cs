namespace Refheap.Python.Tests.Execution;

/// <summary>
/// Global and builtin name lookups and module attribute reads from functions, which py312
/// answers from per-name caches (ObjectApi.LoadGlobal, ObjectApi.CachedModuleAttribute): every
/// rebinding, shadowing, deletion and growth is seen at once, as on CPython (outputs checked
/// with CPython 2.7.18 and 3.12.1).
/// </summary>
public sealed class GlobalLookupTests
{
    private const string Program = @"from __future__ import print_function
def look():
    return len, x
x = 1
for i in range(3):
    print(look()[0] is len, look()[1])
len = lambda s: 42
x = 2
print(look()[0](""abc""), look()[1])
del len
print(look()[0](""abc""))
def grow(n):
    for k in range(n):
        globals()[""g%d"" % k] = k
grow(50)
len = lambda s: -1
print(look()[0](""abc""))
del x
try:
    look()
except NameError as e:
    print(e)
import sys
def shadow_in_loop():
    out = []
    for k in range(4):
        out.append(len(""ab""))
        if k == 1:
            globals()[""len""] = lambda s: 7
    return out
del len
print(shadow_in_loop())
del len
print(shadow_in_loop())
";

    [Theory]
    [InlineData("py27", "global name 'x' is not defined")]
    [InlineData("py312", "name 'x' is not defined")]
    public void RebindingShadowingAndDeletingGlobalsIsSeenByLaterLookups(string profile, string nameError)
    {
        var run = ProgramRun.Of(profile, Program);
        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "True 1\nTrue 1\nTrue 1\n42 2\n3\n-1\n" + nameError + "\n[2, 2, 7, 7]\n[2, 2, 7, 7]\n",
            run.Stdout);
    }

    private const string ModuleProgram = @"from __future__ import print_function
import sys
import weakref
def get():
    return weakref.ref
r0 = get()
for i in range(3):
    print(get() is r0)
weakref.ref = 5
print(get())
del weakref.ref
try:
    get()
except AttributeError as e:
    print(""AttributeError"")
weakref.ref = r0
print(get() is r0)
def d():
    return sys.__dict__ is sys.__dict__, type(sys.__dict__).__name__
print(d(), d())
def grow():
    for k in range(40):
        setattr(weakref, ""x%d"" % k, k)
    return weakref.x39 + weakref.x0
print(grow(), get() is r0)
";

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void RebindingAndDeletingModuleAttributesIsSeenByLaterReads(string profile)
    {
        var run = ProgramRun.Of(profile, ModuleProgram);
        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("True\nTrue\nTrue\n5\nAttributeError\nTrue\n(True, 'dict') (True, 'dict')\n39 True\n", run.Stdout);
    }
}
