namespace Refheap.Objects.Native.Frame;

/// <summary>Where a frame is in its life (bits).</summary>
[Flags]
internal enum FrameState
{
    /// <summary>Made, not yet run.</summary>
    Created = 0,

    /// <summary>Its code is running now.</summary>
    Executing = 1,

    /// <summary>A generator's frame stopped at a yield.</summary>
    Suspended = 2,

    /// <summary>Returned or raised: it will not run again.</summary>
    Completed = 4,

    /// <summary>2.7: <see cref="PyFrameObject.SavedException"/> holds the state to restore (it may be None).</summary>
    SavedException = 8,
}
