using System.Net;
using System.Text;

namespace DeepDsl.Cli.Reports;

/// <summary>
/// `compare --out x.html`: a standalone page (no scripts, no external files) with the comparison as an
/// HTML table and the figure inline. Every cell and name is HTML-encoded; the SVG is our own writer's.
/// </summary>
internal static class ComparisonPage
{
    public static string Html(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string> panels)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var page = new StringBuilder();
        page.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{E(title)}</title>\n<style>\n")
            .Append("body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }\n")
            // A table wider than the window (long run names) scrolls inside itself; the page never scrolls sideways.
            .Append("table { border-collapse: collapse; margin: 1rem 0 2rem; display: block; max-width: 100%; overflow-x: auto; }\n")
            .Append("th, td { padding: .35rem .8rem; border-bottom: 1px solid #ddd; text-align: right; white-space: nowrap; }\n")
            .Append("th:first-child, td:first-child { text-align: left; }\n")
            .Append("thead th { border-bottom: 2px solid #444; white-space: normal; vertical-align: bottom; }\n")
            // Panels side by side when the window holds them, one under the other when not, each shrinking to fit.
            .Append("figure { margin: 0; display: flex; flex-wrap: wrap; gap: 1rem; }\n")
            .Append("figure svg { flex: 0 1 auto; }\n</style>\n</head>\n<body>\n")
            .Append($"<h1>{E(title)}</h1>\n<table>\n<thead><tr>");
        foreach (var h in headers) page.Append($"<th scope=\"col\">{E(h)}</th>");
        page.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows) page.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{E(c)}</td>"))).Append("</tr>\n");
        page.Append("</tbody>\n</table>\n<figure>\n");
        foreach (var panel in panels) page.Append(panel).Append('\n');
        page.Append("</figure>\n</body>\n</html>\n");
        return page.ToString();
    }
}
