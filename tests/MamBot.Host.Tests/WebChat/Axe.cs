using System.Text.Json;
using MamBot.Host.Tests.Telegram;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.WebChat;

/// <summary>
/// The npm package axe-core (tests/tools/axe, installed by ./test.sh) run on a page in the browser: the WCAG 2.1 A and
/// AA rules a machine can check. Missing, it fails the test saying what to install; it never skips.
/// </summary>
public static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Fails listing each violation (rule, impact, the elements and what is wrong), if any.</summary>
    public static async Task AssertCleanAsync(IPage page, string when)
    {
        var folder = Path.Combine(TelegramEmulator.RepositoryRoot(), "tests", "tools", "axe");
        var script = Path.Combine(folder, "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(script), $"axe-core is not installed at {script}. "
            + $"Run ./test.sh (it installs it), or: npm install --prefix {folder}");

        // Once per page: a second copy would only replace the first.
        if (!await page.EvaluateAsync<bool>("typeof window.axe === 'object'"))
            await page.AddScriptTagAsync(new() { Path = script });
        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
              const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
              return JSON.stringify(result.violations.map(v => ({
                rule: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " — " + n.failureSummary) })));
            }
            """, Tags);
        var violations = JsonSerializer.Deserialize<Violation[]>(json, JsonSerializerOptions.Web)!;
        Assert.True(violations.Length == 0, $"axe-core found {violations.Length} WCAG 2.1 AA violation(s) {when}:\n"
            + string.Join("\n", violations.Select(v => $"- {v.Rule} ({v.Impact}): {v.Help}\n    "
                + string.Join("\n    ", v.Nodes))));
    }

    private sealed record Violation(string Rule, string? Impact, string Help, string[] Nodes);
}
