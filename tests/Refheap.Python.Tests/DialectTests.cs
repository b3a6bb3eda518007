namespace Refheap.Python.Tests;

public sealed class DialectTests
{
    [Fact]
    public void The_dialect_follows_the_runtime_profile()
    {
        Assert.Same(PythonDialect.Py27, PythonDialect.FromProfileName("py27"));
        Assert.Same(PythonDialect.Py312, PythonDialect.FromProfileName("py312"));
        Assert.Same(PythonDialect.Py27, PythonDialect.FromProfile(Profile.Py27));
        Assert.Same(PythonDialect.Py312, PythonDialect.FromProfile(Profile.Py312));
        Assert.Equal("py27", PythonDialect.Py27.ToString());
        Assert.Throws<ArgumentException>(() => PythonDialect.FromProfileName("py3"));
    }

    [Fact]
    public void Each_dialect_differs_only_in_named_properties()
    {
        var properties = typeof(PythonDialect).GetProperties().Where(p => p.PropertyType == typeof(bool)).ToList();
        Assert.True(properties.Count > 20);
        Assert.All(properties, p => Assert.NotEqual(p.GetValue(PythonDialect.Py27), p.GetValue(PythonDialect.Py312)));
    }
}
