namespace Refheap.Python.Tests.Execution;

/// <summary>
/// The evaluator's short cuts keep CPython's behaviour: py27's call of a plain class (its
/// __init__ run directly, with the argument tuple, bound method, second tuple and recursion
/// levels of the generic path) and the per-name caches of instance attribute reads and stores
/// (the class's answer kept under its version tag). Outputs checked with CPython 2.7.18 and 3.12.1.
/// </summary>
public sealed class CallAndAttributeFastPathTests
{
    private const string ClassCallProgram = @"from __future__ import print_function
import gc
import sys
class A(object):
    def __init__(self, x, y=2):
        print(""init"", x, y, sys.getrefcount(self), gc.get_count())
        self.x = x
class B(object):
    def __init__(self):
        return 5
class R(object):
    def __init__(self, n):
        if n:
            R(n - 1)
def deep(k):
    try:
        R(k)
        return True
    except RuntimeError:
        return False
def threshold(d):
    if d:
        return threshold(d - 1)
    k = 0
    while deep(k):
        k += 1
    return k
gc.collect()
print(gc.get_count())
a = A(1)
print(gc.get_count())
A(3, 4)
try:
    B()
except TypeError as e:
    print(e)
print([threshold(d) for d in (0, 1, 2, 3)])
";

    [Fact]
    public void Py27ClassCallCountsAllocatesAndNestsAsCPython27()
    {
        var run = ProgramRun.Of("py27", ClassCallProgram);
        Assert.Equal("", run.Stderr);
        Assert.Equal(
            "(0, 0, 0)\ninit 1 2 5 (6, 0, 0)\n(7, 0, 0)\ninit 3 4 5 (8, 0, 0)\n__init__() should return None, not 'int'\n[249, 249, 248, 248]\n",
            run.Stdout);
    }

    private const string AttributeProgram = @"from __future__ import print_function
class A(object):
    def m(self):
        return ""m""
def load(o):
    return o.x
def store(o, v):
    o.x = v
a = A()
for i in range(3):
    store(a, i)
    print(load(a), a.m())
A.x = property(lambda self: ""prop"", lambda self, v: print(""setter"", v))
store(a, 10)
print(load(a), a.__dict__)
del A.x
print(load(a))
del a.x
try:
    load(a)
except AttributeError as e:
    print(e)
A.x = ""class""
print(load(a))
store(a, ""inst"")
print(load(a))
del A.x
class Base(object):
    pass
class B(Base):
    pass
b = B()
store(b, 1)
Base.__setattr__ = lambda self, n, v: print(""hook"", n, v)
Base.__getattr__ = lambda self, n: (""getattr"", n)
store(b, 2)
del b.x
print(load(b))
del Base.__setattr__
del Base.__getattr__
store(b, 3)
print(load(b), b.__dict__)
class S(object):
    __slots__ = (""x"",)
s = S()
store(s, 4)
print(load(s))
class C1(object):
    pass
class C2(object):
    x = ""C2 class""
c = C1()
store(c, 5)
c.__class__ = C2
print(load(c))
";

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void InstanceAttributeCachesSeeEveryChangeToTheClassOrInstance(string profile)
    {
        var run = ProgramRun.Of(profile, AttributeProgram);
        Assert.Equal("", run.Stderr);
        Assert.Equal(
            "0 m\n1 m\n2 m\nsetter 10\nprop {'x': 2}\n2\n'A' object has no attribute 'x'\nclass\ninst\nhook x 2\n('getattr', 'x')\n3 {'x': 3}\n4\n5\n",
            run.Stdout);
    }
}
