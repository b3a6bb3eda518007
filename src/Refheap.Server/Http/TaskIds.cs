using System.Text.RegularExpressions;

namespace Refheap.Server.Http;

/// <summary>What a task or subtask id may be: 1 to 64 ASCII letters, digits, <c>_</c> or <c>-</c>.</summary>
internal static partial class TaskIds
{
    /// <summary>The rule, as the 400 problem states it.</summary>
    public const string Rule = "[A-Za-z0-9_-]{1,64}";

    /// <summary>Whether <paramref name="id"/> follows <see cref="Rule"/>.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    // \z, not $: a route value is URL-decoded, and $ would let a trailing "%0A" through.
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
