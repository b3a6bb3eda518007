using Refheap.Objects;

namespace Refheap.Python.Tests.Builtins;

/// <summary>
/// The builtins hold every exception class of the profile's CPython, each with CPython's base:
/// the pairs below are what this prints on 2.7.18 and 3.12.1, less 3.11's exception groups
/// (not supported):
/// <code>for n in sorted(dir(builtins)): o = getattr(builtins, n); if isinstance(o, type) and issubclass(o, BaseException): print(n, o.__bases__[0].__name__)</code>
/// </summary>
public sealed class ExceptionHierarchyTests
{
    private static readonly string[] s_py27 =
    [
        "ArithmeticError:StandardError", "AssertionError:StandardError", "AttributeError:StandardError", "BaseException:object", "BufferError:StandardError",
        "BytesWarning:Warning", "DeprecationWarning:Warning", "EOFError:StandardError", "EnvironmentError:StandardError", "Exception:BaseException",
        "FloatingPointError:ArithmeticError", "FutureWarning:Warning", "GeneratorExit:BaseException", "IOError:EnvironmentError", "ImportError:StandardError",
        "ImportWarning:Warning", "IndentationError:SyntaxError", "IndexError:LookupError", "KeyError:LookupError", "KeyboardInterrupt:BaseException",
        "LookupError:StandardError", "MemoryError:StandardError", "NameError:StandardError", "NotImplementedError:RuntimeError", "OSError:EnvironmentError",
        "OverflowError:ArithmeticError", "PendingDeprecationWarning:Warning", "ReferenceError:StandardError", "RuntimeError:StandardError", "RuntimeWarning:Warning",
        "StandardError:Exception", "StopIteration:Exception", "SyntaxError:StandardError", "SyntaxWarning:Warning", "SystemError:StandardError",
        "SystemExit:BaseException", "TabError:IndentationError", "TypeError:StandardError", "UnboundLocalError:NameError", "UnicodeDecodeError:UnicodeError",
        "UnicodeEncodeError:UnicodeError", "UnicodeError:ValueError", "UnicodeTranslateError:UnicodeError", "UnicodeWarning:Warning", "UserWarning:Warning",
        "ValueError:StandardError", "Warning:Exception", "ZeroDivisionError:ArithmeticError",
    ];

    private static readonly string[] s_py312 =
    [
        "ArithmeticError:Exception", "AssertionError:Exception", "AttributeError:Exception", "BaseException:object", "BlockingIOError:OSError",
        "BrokenPipeError:ConnectionError", "BufferError:Exception", "BytesWarning:Warning", "ChildProcessError:OSError", "ConnectionAbortedError:ConnectionError",
        "ConnectionError:OSError", "ConnectionRefusedError:ConnectionError", "ConnectionResetError:ConnectionError", "DeprecationWarning:Warning", "EOFError:Exception",
        "EncodingWarning:Warning", "EnvironmentError:Exception", "Exception:BaseException", "FileExistsError:OSError", "FileNotFoundError:OSError",
        "FloatingPointError:ArithmeticError", "FutureWarning:Warning", "GeneratorExit:BaseException", "IOError:Exception", "ImportError:Exception",
        "ImportWarning:Warning", "IndentationError:SyntaxError", "IndexError:LookupError", "InterruptedError:OSError", "IsADirectoryError:OSError",
        "KeyError:LookupError", "KeyboardInterrupt:BaseException", "LookupError:Exception", "MemoryError:Exception", "ModuleNotFoundError:ImportError",
        "NameError:Exception", "NotADirectoryError:OSError", "NotImplementedError:RuntimeError", "OSError:Exception", "OverflowError:ArithmeticError",
        "PendingDeprecationWarning:Warning", "PermissionError:OSError", "ProcessLookupError:OSError", "RecursionError:RuntimeError", "ReferenceError:Exception",
        "ResourceWarning:Warning", "RuntimeError:Exception", "RuntimeWarning:Warning", "StopAsyncIteration:Exception", "StopIteration:Exception",
        "SyntaxError:Exception", "SyntaxWarning:Warning", "SystemError:Exception", "SystemExit:BaseException", "TabError:IndentationError",
        "TimeoutError:OSError", "TypeError:Exception", "UnboundLocalError:NameError", "UnicodeDecodeError:UnicodeError", "UnicodeEncodeError:UnicodeError",
        "UnicodeError:ValueError", "UnicodeTranslateError:UnicodeError", "UnicodeWarning:Warning", "UserWarning:Warning", "ValueError:Exception",
        "Warning:Exception", "ZeroDivisionError:ArithmeticError",
    ];

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void Builtins_hold_the_profiles_exception_classes_with_their_bases(string profile)
    {
        using var kit = new BuiltinsKit(profile);
        var api = kit.Api;
        var actual = new List<string>();
        foreach (var (key, value) in api.DictItems(kit.Builtins))
        {
            if (!api.IsType(value) || !ObjectApi.IsSubtype(value, api.BuiltinType("BaseException")))
            {
                continue;
            }

            var bases = api.GetAttr(value, api.InternedName("__bases__"));
            var first = ObjectApi.TupleItem(bases, 0);
            var name = api.GetAttr(first, api.InternedName("__name__"));
            actual.Add($"{ObjectApi.StrText(key)}:{ObjectApi.StrText(name)}");
            name.DecRef();
            bases.DecRef();
        }

        actual.Sort(StringComparer.Ordinal);
        Assert.Equal(profile == "py27" ? s_py27 : s_py312, actual);
    }
}
