using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Refheap.Server;

namespace Refheap.Cli.Serve;

/// <summary>The options only <c>refheap serve</c> takes (its <c>--profile</c> is the shared one).</summary>
public static class ServeOptions
{
    /// <summary><c>-m, --model strong|weak|managed</c> (default strong, the talk's version 1).</summary>
    public static Option<ServerModel> ModelOption()
    {
        var option = new Option<ServerModel>("--model", "-m")
        {
            Description = "How Subtasks hold their Task: strong (the talk's version 1: cycles), weak (version 2: a weakref) "
                + "or managed (plain .NET objects under the .NET GC)",
            HelpName = "strong|weak|managed",
            DefaultValueFactory = _ => ServerModel.Strong,
            CustomParser = ParseModel,
        };
        option.CompletionSources.Add("strong", "weak", "managed");
        return option;
    }

    /// <summary><c>-u, --urls URL[;URL]</c> (default http://127.0.0.1:5080; port 0 picks a free one).</summary>
    public static Option<string> UrlsOption() => new("--urls", "-u")
    {
        Description = $"Where to listen, separated by ';' (default {ServerOptions.DefaultUrls}, loopback only; port 0 picks a free port)",
        HelpName = "URL",
        DefaultValueFactory = _ => ServerOptions.DefaultUrls,
    };

    /// <summary><c>--max-body-bytes N</c> (default 65536): longer PUT bodies get 413.</summary>
    public static Option<int> MaxBodyBytesOption() => new("--max-body-bytes")
    {
        Description = $"The longest PUT body accepted, in bytes; longer ones get 413 (default {ServerOptions.DefaultMaxBodyBytes})",
        HelpName = "N",
        DefaultValueFactory = _ => ServerOptions.DefaultMaxBodyBytes,
        CustomParser = ParseMaxBodyBytes,
    };

    private static ServerModel ParseModel(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (ServerOptions.ParseModel(text) is { } model)
        {
            return model;
        }

        result.AddError($"invalid value '{text}' for --model (expected strong, weak or managed)");
        return ServerModel.Strong;
    }

    private static int ParseMaxBodyBytes(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return n;
        }

        result.AddError($"invalid value '{text}' for --max-body-bytes (expected a whole number from 1 to {int.MaxValue})");
        return ServerOptions.DefaultMaxBodyBytes;
    }
}
