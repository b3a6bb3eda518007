namespace Refheap.RuntimeTests.Properties;

/// <summary>
/// The fixed budget of the property tests in a CI run. Run longer with
/// <c>REFHEAP_PROPERTY_ITER=5000 dotnet test --filter FullyQualifiedName~Properties</c>.
/// </summary>
internal static class PropertyBudget
{
    public static long Iterations(long ciDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("REFHEAP_PROPERTY_ITER"), out var n) && n > 0 ? n : ciDefault;
}
