namespace Refheap.Python.Compiler;

/// <summary>
/// How big a module's compile is, as far as CPython's free lists can tell. CPython compiles a
/// program after its start-up, and its compiler frees lists and dicts as it ends: two lists per
/// symbol table entry (its variable names and children), the dicts of each code unit on the
/// compiler's stack and each entry's symbols. So a program's first lists and dicts come from
/// a free list that grows with the number of blocks and how deeply they nest
/// (<see cref="PythonDialect.StartupLists"/>, <see cref="PythonDialect.StartupDicts"/>).
/// </summary>
/// <param name="Blocks">Symbol table entries besides the module's: functions, lambdas, classes, generator expressions, comprehensions (3.12's inlined ones too; 2.7's list comprehensions have none).</param>
/// <param name="Depth">The deepest nesting of code objects under the module (an inlined comprehension adds none).</param>
internal readonly record struct CompileFootprint(int Blocks, int Depth)
{
    /// <summary>The footprint of the module whose symbol table starts at <paramref name="module"/>.</summary>
    public static CompileFootprint Of(Scope module)
    {
        var blocks = 0;
        var depth = 0;
        Visit(module, 0);
        return new CompileFootprint(blocks, depth);

        void Visit(Scope scope, int level)
        {
            foreach (var child in scope.Children)
            {
                blocks++;
                var childLevel = child.IsInlined ? level : level + 1;
                depth = Math.Max(depth, childLevel);
                Visit(child, childLevel);
            }
        }
    }
}
