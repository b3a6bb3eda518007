using Refheap.Objects;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    private bool _stdoutSoftSpace;

    // 2.7 keeps softspace on the file object; for streams a program put in sys.stdout (or
    // named with >>) it is kept here by the object's address while the statement runs.
    private readonly Dictionary<nint, bool> _softSpace = [];
    private PyRef _sysStdout;
    private PyRef _sysStderr;

    /// <summary>2.7's PRINT_ITEM: writes str(value), after a space when the stream's softspace is set; 0 or -1.</summary>
    private int PrintItem(PyRef stream, PyRef value)
    {
        var text = _api.ToStr(value);
        if (text.IsNull)
        {
            return -1;
        }

        if (stream.IsNull || _api.IsNone(stream))
        {
            stream = RedirectedStream("stdout");
        }

        var toStdout = stream.IsNull || stream == _sysStdout;
        int status;
        if (toStdout)
        {
            if (_stdoutSoftSpace)
            {
                Stdout.Write(' ');
            }

            Stdout.Write(ObjectApi.StrText(text));
            _stdoutSoftSpace = !ObjectApi.EndsWithNonSpaceWhitespace(text) || !_api.IsStr(value);
            status = 0;
        }
        else
        {
            _softSpace.TryGetValue(stream.Address, out var soft);
            status = soft ? WriteTo(stream, _api.Intern(" ")) : 0;
            status = status < 0 ? status : WriteTo(stream, text);
            _softSpace[stream.Address] = !ObjectApi.EndsWithNonSpaceWhitespace(text) || !_api.IsStr(value);
        }

        text.DecRef();
        return status;
    }

    /// <summary>2.7's PRINT_NEWLINE; 0 or -1.</summary>
    private int PrintNewline(PyRef stream)
    {
        if (stream.IsNull || _api.IsNone(stream))
        {
            stream = RedirectedStream("stdout");
        }

        if (stream.IsNull || stream == _sysStdout)
        {
            Stdout.Write('\n');
            _stdoutSoftSpace = false;
            return 0;
        }

        _softSpace.Remove(stream.Address);
        return WriteTo(stream, _api.Intern("\n"));
    }

    private int WriteTo(PyRef stream, PyRef text)
    {
        if (stream == _sysStderr)
        {
            Stderr.Write(ObjectApi.StrText(text));
            return 0;
        }

        var write = _api.GetAttr(stream, _api.Intern("write"));
        if (write.IsNull)
        {
            return -1;
        }

        var r = CallValue(write, [text], default);
        write.DecRef();
        if (r.IsNull)
        {
            return -1;
        }

        r.DecRef();
        return 0;
    }

    /// <summary>A write to <c>sys.stdout</c> from Python code ends 2.7's softspace.</summary>
    public void ResetSoftSpace() => _stdoutSoftSpace = false;
}
