using System.Text;

namespace Refheap.Python.Execution;

/// <summary>
/// 3.x's cut of recursion in a printed traceback (tb_print_internal): after three entries of one
/// file, line and function in a row, the rest of the run is one line, <c>[Previous line
/// repeated N more times]</c>. 2.7 prints every entry.
/// </summary>
internal sealed class TracebackRepeatedLines(bool py27)
{
    /// <summary>TB_RECURSIVE_CUTOFF: the entries of a run printed in full.</summary>
    private const int Cutoff = 3;

    private string? _file;
    private int _line = -1;
    private string? _name;
    private int _count;

    /// <summary>
    /// Counts the entry (<paramref name="file"/>, <paramref name="line"/>, <paramref name="name"/>);
    /// true when it is to be left out. A run that ends gets its summary line first.
    /// </summary>
    public bool Skip(string file, int line, string name, StringBuilder sb)
    {
        if (py27)
        {
            return false;
        }

        if (file != _file || line != _line || name != _name)
        {
            Finish(sb);
            (_file, _line, _name, _count) = (file, line, name, 0);
        }

        _count++;
        return _count > Cutoff;
    }

    /// <summary>Writes the summary of the run counted so far, if it was cut.</summary>
    public void Finish(StringBuilder sb)
    {
        if (_count > Cutoff)
        {
            var more = _count - Cutoff;
            sb.Append("  [Previous line repeated ").Append(more).Append(more > 1 ? " more times]\n" : " more time]\n");
        }

        _count = 0;
    }
}
