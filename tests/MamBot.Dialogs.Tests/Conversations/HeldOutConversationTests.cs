using System.Globalization;
using Xunit.Abstractions;

namespace MamBot.Dialogs.Tests.Conversations;

/// <summary>
/// Whole conversations written by helpers who never saw the code (world.md and format.md are all they had):
/// each is played against the real engine and passes only when every expectation holds. The share that passes
/// per language is the figure ./test.sh prints; the floors stop a step backwards, the issue asks ≥ 90 %.
/// </summary>
public class HeldOutConversationTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Sets => new()
    {
        // set file, floors per language as "pl=0.8;uk=0.7;..." (at the latest figures measured)
        { "v1.conversations.md", "pl=1.0;uk=1.0;en=1.0;ru=1.0" },
        { "v2.conversations.md", "pl=1.0;uk=1.0;en=1.0;ru=0.75" },
        // v3 was written after the mechanisms for v1's misses and is only ever run, never read: the honest measure.
        { "v3.conversations.md", "pl=1.0;uk=0.91;en=0.91" },
        // v4 was written blind after v2's misses were fixed (with sentence set v3);
        // first run: pl 6/12, uk 7/12, en 8/12, ru 3/4.
        { "v4.conversations.md", "pl=1.0;uk=1.0;en=1.0;ru=1.0" },
        // v5 was written blind after v3's misses were fixed; first run: pl 8/12, uk 8/12, en 7/12, ru 4/4.
        { "v5.conversations.md", "pl=1.0;uk=1.0;en=1.0;ru=1.0" },
        // v6 was written blind after v4's misses were fixed, by other kinds of writers (long and polite, slang,
        // dictated without punctuation); only run, never read. First run: pl 9/12, uk 6/12, en 3/12, ru 2/4.
        { "v6.conversations.md", "pl=1.0;uk=1.0;en=1.0;ru=0.75" },
        // v7 was written blind at the end of the session that fixed v5's misses; only run, never read. First run:
        // pl 11/12, uk 12/12, en 7/12, ru 3/4; after the next session's mechanisms (v6's misses), still unread:
        // pl 10/12, uk 12/12, en 8/12, ru 3/4.
        // Read in the session that wrote v9: 12/12 in pl, uk, en and 4/4 ru after its mechanisms.
        { "v7.conversations.md", "pl=1.0;uk=1.0;en=1.0;ru=1.0" },
        // v8 was written blind at the start of the session that fixed v6's misses; only run, never read. First run
        // (with those mechanisms in): pl 10/12, uk 10/12, en 10/12, ru 4/4.
        // Read from the session that wrote v9 on: pl 12/12, uk 11/12, en 10/12, ru 4/4 after its mechanisms.
        { "v8.conversations.md", "pl=1.0;uk=0.91;en=0.83;ru=1.0" },
        // v9 was written blind at the start of the session that fixed v7's misses; only run, never read. First run
        // (with v7's sentence mechanisms already in): pl 9/12, uk 10/12, en 9/12, ru 4/4.
        { "v9.conversations.md", "pl=0.75;uk=0.83;en=0.75;ru=1.0" },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Conversations_nobody_here_wrote_reach_their_outcome(string file, string floors)
    {
        var scripts = ConversationScript.Read(Path.Combine(AppContext.BaseDirectory, "Conversations", file));
        Assert.NotEmpty(scripts);
        var results = new List<(ConversationScript Script, string? Failure)>();
        foreach (var script in scripts) results.Add((script, await ScriptedConversation.RunAsync(script)));

        foreach (var (script, failure) in results.Where(r => r.Failure is not null))
            output.WriteLine($"✗ {script}: {failure}");
        var byLanguage = results.GroupBy(r => r.Script.Language).OrderBy(g => Order(g.Key))
            .Select(g => (Language: g.Key, Passed: g.Count(r => r.Failure is null), All: g.Count())).ToList();
        var summary = $"held-out conversations ({file.Replace(".conversations.md", "")}): " + string.Join(", ",
            byLanguage.Select(l => $"{l.Language} {l.Passed}/{l.All} ({Understanding.EvaluationKit.Percent((double)l.Passed / l.All)})"));
        output.WriteLine(summary);
        Understanding.EvaluationKit.Report($"conversations-{file.Replace(".conversations.md", "")}", summary);

        var floor = floors.Split(';').Select(f => f.Split('='))
            .ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
        foreach (var (language, passed, all) in byLanguage)
            Assert.True((double)passed / all >= floor[language],
                $"{language}: {passed}/{all} conversations passed, below the floor {floor[language]:P0}. " +
                string.Join(Environment.NewLine, results.Where(r => r.Failure is not null).Select(r => $"✗ {r.Script}: {r.Failure}")));
    }

    private static int Order(string language) => Array.IndexOf(["pl", "uk", "en", "ru"], language);
}
