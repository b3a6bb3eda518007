namespace Refheap.Cli.Tests;

/// <summary>A fresh folder under the system's temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("refheap-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
