namespace Refheap.Python.Compiler;

/// <summary>Where an exception raised by an instruction goes: the handler's first instruction, and the stack height to unwind to before pushing the exception.</summary>
internal readonly record struct ExceptionHandler(int Target, int Depth);
