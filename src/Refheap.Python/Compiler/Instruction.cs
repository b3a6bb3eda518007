namespace Refheap.Python.Compiler;

/// <summary>The encoding of one instruction in an int: opcode in bits 0–7, signed argument in bits 8–31.</summary>
internal static class Instruction
{
    /// <summary>The largest argument an instruction can carry.</summary>
    public const int MaxArgument = (1 << 23) - 1;

    /// <summary>Encodes an instruction.</summary>
    public static int Encode(OpCode op, int arg) => (byte)op | (arg << 8);

    /// <summary>The opcode of an instruction.</summary>
    public static OpCode Op(int instruction) => (OpCode)(byte)instruction;

    /// <summary>The argument of an instruction.</summary>
    public static int Arg(int instruction) => instruction >> 8;
}
