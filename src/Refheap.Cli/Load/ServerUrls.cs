using System.Net;

namespace Refheap.Cli.Load;

/// <summary>
/// Which servers the load generator may talk to: the loopback interface, or any host when the
/// user says so with <c>--allow-remote</c> — load is a flood of requests, never to be sent to a
/// machine by accident.
/// </summary>
public static class ServerUrls
{
    /// <summary>
    /// The absolute http(s) URL in <paramref name="text"/>, its path ending with <c>/</c> so that
    /// endpoint paths append to it.
    /// </summary>
    /// <exception cref="CommandLineErrorException">It is not such a URL, or names a host other than loopback without <paramref name="allowRemote"/>.</exception>
    public static Uri Check(string text, bool allowRemote)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CommandLineErrorException($"invalid server URL '{text}' (expected http://HOST:PORT/)");
        }

        if (!allowRemote && !IsLoopback(url))
        {
            throw new CommandLineErrorException(
                $"refusing to send load to {url.Host}: only loopback servers (localhost, 127.0.0.1, ::1) unless --allow-remote is given");
        }

        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
    }

    /// <summary>Whether <paramref name="url"/> names this machine's loopback interface.</summary>
    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
