using Microsoft.AspNetCore.Http.Features;

namespace MamBot.Host.Security;

/// <summary>
/// Reads a request body only up to a limit, chunked or not: a Content-Length over it is refused unread, and a body
/// that turns out longer stops being read (and, on Kestrel, the connection stops taking it) at the limit. So an
/// unsigned 28 MB upload costs at most the limit in memory, and a signature is checked within it.
/// </summary>
public static class BoundedBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > limit) return null;
                body.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return body.ToArray();
    }
}
