using System.Buffers;
using System.Text.Json;
using Refheap.Server.Store;

namespace Refheap.Server.Http;

/// <summary>
/// Reads a PUT's optional JSON body <c>{"name": string?, "payload": string?}</c> with a size
/// limit, and says why it was refused: 413 when it is longer than the limit (by
/// Content-Length, or while reading a chunked body), 400 when it is not such an object.
/// </summary>
internal static class BodyReader
{
    /// <summary>The body, or the problem to answer with.</summary>
    public static async Task<(ItemBody? Body, IResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes, 4096) + 1);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return (null, TooLarge(maxBytes));
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length > maxBytes ? (null, TooLarge(maxBytes)) : Parse(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses a whole body; empty (or only white space) means no body.</summary>
    public static (ItemBody? Body, IResult? Problem) Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (ItemBody.Empty, null);
        }

        try
        {
            using var document = JsonDocument.Parse(utf8);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, Malformed($"the body must be a JSON object, not {Describe(root.ValueKind)}"));
            }

            string? name = null;
            string? payload = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "name":
                        if (!TryText(property.Value, out name))
                        {
                            return (null, Malformed($"\"name\" must be a string or null, not {Describe(property.Value.ValueKind)}"));
                        }

                        break;
                    case "payload":
                        if (!TryText(property.Value, out payload))
                        {
                            return (null, Malformed($"\"payload\" must be a string or null, not {Describe(property.Value.ValueKind)}"));
                        }

                        break;
                }
            }

            return (new ItemBody(name, payload), null);
        }
        catch (JsonException e)
        {
            return (null, Malformed($"the body is not valid JSON: {e.Message}"));
        }
    }

    private static bool TryText(JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return value.ValueKind is JsonValueKind.String or JsonValueKind.Null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    private static IResult Malformed(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Malformed body");

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem(
            detail: $"the body is longer than {maxBytes} bytes (refheap serve --max-body-bytes)",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Body too large");
}
