namespace Refheap.Diagnostics.Cycles;

/// <summary>Compares component descriptions (<see cref="CycleSearch.Describe"/>) by content, stored as arrays and looked up as spans.</summary>
internal sealed class CertificateComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
{
    public static readonly CertificateComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x == y || (x != null && y != null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<int> alternate)
    {
        var hash = default(HashCode);
        foreach (var x in alternate)
        {
            hash.Add(x);
        }

        return hash.ToHashCode();
    }

    public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();
}
