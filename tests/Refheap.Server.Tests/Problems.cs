using System.Net;
using System.Text.Json;

namespace Refheap.Server.Tests;

/// <summary>Checks for RFC 7807 problem details.</summary>
internal static class Problems
{
    /// <summary>The response has <paramref name="status"/>, the problem+json media type and a problem body with that status and a title; returns its detail (empty when it has none).</summary>
    public static async Task<string> AssertAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }
}
