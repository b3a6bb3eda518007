using System.Text;
using Refheap.Objects;

namespace Refheap.Python.Execution;

/// <summary>
/// A <see cref="TextWriter"/> that writes to whatever <c>sys.stderr</c> (or stdout) names now:
/// the runtime's reports ("Exception ignored in ...", the collector's debug lines) reach a
/// stream a program put there, as CPython's do.
/// </summary>
internal sealed class SysStreamWriter : TextWriter
{
    private readonly Interpreter _interpreter;
    private readonly string _name;
    private readonly TextWriter _fallback;

    /// <summary>Creates the writer of <c>sys.<paramref name="name"/></c>; <paramref name="fallback"/> is used while it is the program's own stream.</summary>
    public SysStreamWriter(Interpreter interpreter, string name, TextWriter fallback)
    {
        _interpreter = interpreter;
        _name = name;
        _fallback = fallback;
    }

    /// <inheritdoc/>
    public override Encoding Encoding => _fallback.Encoding;

    /// <inheritdoc/>
    public override void Write(char value) => Write(value.ToString());

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var api = _interpreter.Api;
        var sys = _interpreter.Modules.IsNull ? PyRef.Null : api.DictGetString(_interpreter.Modules, "sys");
        var stream = sys.IsNull || !api.IsModule(sys) ? PyRef.Null : api.DictGetString(ObjectApi.ModuleDict(sys), _name);
        if (stream.IsNull || stream == _interpreter.SysStderr || stream == _interpreter.SysStdout)
        {
            _fallback.Write(value);
            return;
        }

        var saved = api.Heap.FetchError();
        var write = api.GetAttr(stream, api.Intern("write"));
        var text = write.IsNull ? PyRef.Null : api.NewStr(value);
        var r = text.IsNull ? PyRef.Null : _interpreter.CallValue(write, [text], default);
        r.XDecRef();
        text.XDecRef();
        write.XDecRef();
        api.Heap.ClearError();
        api.Heap.RestoreError(saved);
    }

    /// <inheritdoc/>
    public override void Flush() => _fallback.Flush();
}
