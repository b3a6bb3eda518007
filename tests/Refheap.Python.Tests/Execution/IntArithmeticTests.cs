namespace Refheap.Python.Tests.Execution;

/// <summary>
/// <c>+</c> and <c>-</c> of exact ints, which the evaluator computes without the general
/// number dispatch while the result fits a machine word: overflow still becomes 2.7's long or
/// 3.12's big int, small results are still the cached ints, bools still go the general way
/// (outputs checked with CPython 2.7.18 and 3.12.1).
/// </summary>
public sealed class IntArithmeticTests
{
    private const string Program = @"from __future__ import print_function
import sys
m = sys.maxsize
a = m + 1
b = -m - 2
print(repr(a), repr(b), type(a).__name__, repr(m - m), repr(3 - 5), repr(True + 1), repr(True - True))
x, y, one, zero, five = 300, 299, 1, 0, -5
print((x - y) is one, (x + y) - 599 is zero, (-3 + -2) is five)
i = m
i += 1
print(repr(i), repr(i - 1 == m))
";

    [Theory]
    [InlineData("py27", "9223372036854775808L -9223372036854775809L long 0 -2 2 0\nTrue True True\n9223372036854775808L True\n")]
    [InlineData("py312", "9223372036854775808 -9223372036854775809 int 0 -2 2 0\nTrue True True\n9223372036854775808 True\n")]
    public void AddAndSubtractOfIntsOverflowAndShareSmallIntsAsCPython(string profile, string expected)
    {
        var run = ProgramRun.Of(profile, Program);
        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Stdout);
    }
}
