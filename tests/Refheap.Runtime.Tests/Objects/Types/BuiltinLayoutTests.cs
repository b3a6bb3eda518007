using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Types;

public sealed unsafe class BuiltinLayoutTests
{
    private const int Count = 40;

    // The kinds whose sizes differ between the CPythons, made through the heap's own constructors.
    private static PyRef Make(Runtime rt, string kind)
    {
        var t = rt.Heap.Types;
        var f = rt.Heap.Types.NativeFunction.New("f", (heap, self, args, kwargs) => heap.None);
        try
        {
            return kind switch
            {
                "property" => t.Property.New(null, null, null, null),
                "staticmethod" => t.StaticMethod.New(f.Ptr, null, null, null),
                "classmethod" => t.ClassMethod.New(f.Ptr, null, null, null),
                "partial" => t.Partial.New(f.Ptr, t.Tuple.Empty, null, null),
                "module" => t.Module.New("m"),
                _ => f.NewRef(),
            };
        }
        finally
        {
            f.DecRef();
        }
    }

    // The size classes in which Count more blocks are in use after `allocate` than before.
    private static List<int> ClassesGrownBy(Runtime rt, Action allocate)
    {
        var before = rt.MemoryStats.SizeClasses.ToDictionary(c => c.SizeClass, c => c.BlocksInUse);
        allocate();
        return rt.MemoryStats.SizeClasses.Where(c => c.BlocksInUse - before[c.SizeClass] >= Count).Select(c => c.SizeClass).ToList();
    }

    [Theory]
    [InlineData("py27", "property", 88)]
    [InlineData("py27", "staticmethod", 56)]
    [InlineData("py27", "classmethod", 56)]
    [InlineData("py27", "partial", 88)]
    [InlineData("py27", "module", 56)]
    [InlineData("py27", "builtin", 72)]
    [InlineData("py312", "property", 80)]
    [InlineData("py312", "staticmethod", 48)]
    [InlineData("py312", "classmethod", 48)]
    [InlineData("py312", "partial", 80)]
    [InlineData("py312", "module", 72)]
    [InlineData("py312", "builtin", 72)]
    public void A_kind_reports_CPythons_size_and_takes_CPythons_size_class(string profile, string kind, long getsizeof)
    {
        // python2.7 / python3.12: sys.getsizeof(property()) → 88 / 80, and sys._debugmallocstats()
        // counts the objects in the size class of a request of that many bytes (GC header included).
        Leaks.Check(profile, rt =>
        {
            var api = new ObjectApi(rt.Heap);
            var blocks = new List<nint>();
            var cpythonClass = ClassesGrownBy(rt, () =>
            {
                for (var i = 0; i < Count; i++)
                {
                    blocks.Add((nint)rt.Heap.Allocator.Allocate((nuint)getsizeof, Refheap.Memory.BlockKind.Object));
                }
            });
            foreach (var b in blocks)
            {
                rt.Heap.Allocator.Free((void*)b, (nuint)getsizeof, Refheap.Memory.BlockKind.Object);
            }

            var made = new List<Handle>();
            var objectClass = ClassesGrownBy(rt, () =>
            {
                for (var i = 0; i < Count; i++)
                {
                    var o = Make(rt, kind);
                    Assert.False(o.IsNull);
                    made.Add(rt.Own(o));
                }
            });

            Assert.Equal(getsizeof, api.SizeOfObject(made[0].Ref()));
            Assert.Single(cpythonClass);
            Assert.Contains(cpythonClass[0], objectClass);
        });
    }
}
