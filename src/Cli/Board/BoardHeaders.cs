using Microsoft.AspNetCore.Http;

namespace DeepDsl.Cli.Board;

/// <summary>
/// The headers every answer carries. The content security policy lets the pages run only the board's own scripts and
/// styles (no inline script, no eval, nothing from elsewhere), so text from a run folder that slipped into markup still
/// could not run; the pages put such text with textContent in the first place.
/// </summary>
internal static class BoardHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Add(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        // Runs change while they train: every answer is read afresh.
        headers.CacheControl = "no-store";
    }
}
