using System.Globalization;

namespace Refheap.Memory;

/// <summary>
/// Thrown by the debug allocator (the counterpart of <c>PYTHONMALLOC=debug</c>'s fatal
/// errors) when a block is freed or checked and its guard bytes, size, kind or state are wrong.
/// </summary>
/// <remarks>
/// The message names the block address, its requested size and size class and the problem,
/// e.g. <c>overrun: block 0x7F3A1C040030 (requested size 24 bytes, size class 3 of 32-byte blocks):
/// trailing guard byte at +24 is 0x41, expected 0xFD</c>.
/// </remarks>
public sealed class MemoryCorruptionException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemoryCorruptionException()
        : base("heap memory corruption detected")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public MemoryCorruptionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public MemoryCorruptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal MemoryCorruptionException(MemoryCorruptionKind kind, nint blockAddress, long requestedSize, int sizeClass, int blockSize, string detail)
        : base(FormatMessage(kind, blockAddress, requestedSize, sizeClass, blockSize, detail))
    {
        Kind = kind;
        BlockAddress = blockAddress;
        RequestedSize = requestedSize;
        SizeClass = sizeClass;
    }

    /// <summary>What was wrong.</summary>
    public MemoryCorruptionKind Kind { get; }

    /// <summary>The address the caller passed (the block's data, as Allocate returned it).</summary>
    public nint BlockAddress { get; }

    /// <summary>The requested size of the block, as the caller stated it.</summary>
    public long RequestedSize { get; }

    /// <summary>The size class serving that size, or -1 for a large block.</summary>
    public int SizeClass { get; }

    /// <summary>The word used in messages for <paramref name="kind"/>: "overrun", "double free", ...</summary>
    public static string Describe(MemoryCorruptionKind kind) => kind switch
    {
        MemoryCorruptionKind.Overrun => "overrun",
        MemoryCorruptionKind.Underrun => "underrun",
        MemoryCorruptionKind.DoubleFree => "double free",
        MemoryCorruptionKind.SizeMismatch => "size mismatch",
        MemoryCorruptionKind.KindMismatch => "kind mismatch",
        MemoryCorruptionKind.UseAfterFree => "use after free",
        MemoryCorruptionKind.InvalidPointer => "invalid pointer",
        _ => kind.ToString(),
    };

    private static string FormatMessage(MemoryCorruptionKind kind, nint blockAddress, long requestedSize, int sizeClass, int blockSize, string detail)
    {
        string sizeClassText = sizeClass < 0
            ? "large block"
            : string.Create(CultureInfo.InvariantCulture, $"size class {sizeClass} of {blockSize}-byte blocks");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Describe(kind)}: block 0x{(ulong)blockAddress:X} (requested size {requestedSize} bytes, {sizeClassText}): {detail}");
    }
}
