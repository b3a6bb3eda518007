using System.Text;
using Refheap.Python.Syntax;

namespace Refheap.Python;

/// <summary>Reading a Python file's bytes into the text the front end parses.</summary>
public static class PythonSource
{
    /// <summary>
    /// Decodes a source file as CPython does: a UTF-8 byte-order mark or a coding declaration on
    /// one of the first two lines (PEP 263) chooses the encoding, UTF-8 otherwise (PEP 3120; a
    /// 2.7 file without a declaration must be ASCII, which the parser checks).
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(bom))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        // The declaration is ASCII in any encoding it may name, so Latin-1 reads it safely.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        var encoding = SourceEncoding.Declared(head.Split('\n')) ?? Encoding.UTF8;
        return encoding.GetString(bytes);
    }
}
