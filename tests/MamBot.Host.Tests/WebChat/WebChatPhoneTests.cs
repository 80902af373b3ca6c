using System.Text.Json;
using Microsoft.Playwright;

namespace MamBot.Host.Tests.WebChat;

/// <summary>
/// The web chat on a phone-sized Chromium (390×844, as the testers' phone): the newest reply's end is never under
/// the input bar, a press moves focus to the answer, older buttons are inactive, and axe-core finds nothing.
/// </summary>
public sealed class WebChatPhoneTests : IAsyncLifetime
{
    private BrowserTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BrowserTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task On_a_phone_each_answer_ends_above_the_input_bar_and_a_press_moves_focus_to_the_answer()
    {
        var page = await PhoneAsync();
        await page.GotoAsync(_bed.Address + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zgadzam się" }).WaitForAsync(new() { Timeout = 15_000 });
        await NewestReplyEndsAboveTheInputBarAsync(page);
        await Axe.AssertCleanAsync(page, "after the welcome");

        await PressAsync(page, "Zgadzam się"); // the answer is the menu: eight buttons in six rows
        await NewestReplyEndsAboveTheInputBarAsync(page);
        await Axe.AssertCleanAsync(page, "with the menu open");
        await page.ScreenshotAsync(new() { Path = "/tmp/webchat-phone.png" });

        await PressAsync(page, "O MAM"); // a long text: address, hours, then three buttons
        await NewestReplyEndsAboveTheInputBarAsync(page);
        await PressAsync(page, "Menu");
        await NewestReplyEndsAboveTheInputBarAsync(page);

        // Reopened, the page shows the history in one go: only the newest message's buttons are active.
        await page.ReloadAsync();
        await Eventually.HoldsAsync(async () => await page.Locator(".msg.bot").CountAsync() >= 5, "the history");
        var active = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('.msg.bot')].filter(m => m.querySelector('button:not([aria-disabled])'))"
            + ".map(m => m.innerText.split('\\n')[0])");
        Assert.Equal(["Co chcesz zrobić?"], active);
        await NewestReplyEndsAboveTheInputBarAsync(page);
    }

    [Fact]
    public async Task On_a_phone_the_ukrainian_page_is_as_clean_and_its_answers_as_visible()
    {
        var page = await PhoneAsync();
        await page.GotoAsync(_bed.Address + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zgadzam się" }).WaitForAsync(new() { Timeout = 15_000 });
        await PressAsync(page, "Język/Мова/Language");
        await NewestReplyEndsAboveTheInputBarAsync(page);
        await PressAsync(page, "Українська");
        await page.GetByRole(AriaRole.Button, new() { Name = "Надіслати" })
            .WaitForAsync(new() { Timeout = 15_000 }); // the page's own words are Ukrainian too
        await NewestReplyEndsAboveTheInputBarAsync(page);
        await Axe.AssertCleanAsync(page, "on the Ukrainian page");
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await _bed.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            BypassCSP = true, // axe-core is injected as a script of the page's own
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Presses the newest button called <paramref name="name"/> and waits for the answer; then focus is in the
    /// answer, not on the old button, the answer's buttons are active and every older message's are not.
    /// </summary>
    private static async Task PressAsync(IPage page, string name)
    {
        var before = await page.Locator(".msg.bot").CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = name }).Last.ClickAsync();
        await Eventually.HoldsAsync(async () => await page.Locator(".msg.bot").CountAsync() > before,
            $"the answer to '{name}'");
        var state = JsonSerializer.Deserialize<PressState>(
            await page.EvaluateAsync<string>(AfterPress, before), JsonSerializerOptions.Web)!;
        Assert.True(state.FocusedIn >= before, $"after pressing '{name}' focus is on {state.Focused}, not the answer");
        Assert.True(state.NewButtons > 0, $"the answer to '{name}' has no buttons: {state.Answer}");
        Assert.True(state.ActiveOld.Length == 0, $"older buttons still active: {string.Join(", ", state.ActiveOld)}");
        Assert.True(state.InactiveNew.Length == 0, $"its own buttons inactive: {string.Join(", ", state.InactiveNew)}");
    }

    // Where focus is (the index of the bot message holding it) and which buttons are active, old and new.
    private const string AfterPress = """
        before => {
          const bots = [...document.querySelectorAll(".msg.bot")];
          const buttons = messages => messages.flatMap(m => [...m.querySelectorAll("button")]);
          const inactive = b => b.disabled || b.getAttribute("aria-disabled") === "true";
          const focused = document.activeElement;
          return JSON.stringify({
            focusedIn: bots.indexOf(focused.closest(".msg.bot")),
            focused: focused.outerHTML.slice(0, 80),
            newButtons: buttons(bots.slice(before)).length,
            activeOld: buttons(bots.slice(0, before)).filter(b => !inactive(b)).map(b => b.textContent),
            inactiveNew: buttons(bots.slice(before)).filter(inactive).map(b => b.textContent),
            answer: bots.slice(before).map(m => m.innerText).join(" | "),
          });
        }
        """;

    /// <summary>
    /// Waits until the newest reply's last line of text and its last button are inside the log's visible part, above
    /// the input bar, and are what a finger would touch there (nothing covers them).
    /// </summary>
    private static async Task NewestReplyEndsAboveTheInputBarAsync(IPage page)
    {
        var problem = "";
        try
        {
            await Eventually.HoldsAsync(async () => (problem = await page.EvaluateAsync<string>(NewestReplyEnd)) == "",
                "the newest reply's end above the input bar", TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"On a 390×844 screen {problem}.");
        }
    }

    // "" when the newest reply's end shows above the input bar, else what is wrong, with the boxes' edges in pixels.
    private const string NewestReplyEnd = """
        () => {
          const bots = document.querySelectorAll(".msg.bot");
          const reply = bots[bots.length - 1];
          const bar = document.getElementById("composer").getBoundingClientRect();
          const log = document.getElementById("log").getBoundingClientRect();
          if (bar.bottom > innerHeight + 0.5) return `the input bar ends at ${bar.bottom}, below the screen`;
          const text = document.createRange();
          text.selectNodeContents(reply.firstChild);
          const lines = text.getClientRects();
          const ends = [["the last line of the reply's text", lines[lines.length - 1], reply]];
          const buttons = reply.querySelectorAll("button");
          const button = buttons[buttons.length - 1];
          if (button) ends.push([`the last button '${button.textContent}'`, button.getBoundingClientRect(), button]);
          for (const [what, box, owner] of ends) {
            const where = `${what} (${Math.round(box.top)}–${Math.round(box.bottom)})`;
            if (box.top < Math.max(log.top, 0) - 0.5) return `${where} is above the log's visible part`;
            if (box.bottom > bar.top + 0.5) return `${where} is under the input bar (from ${Math.round(bar.top)})`;
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            if (!owner.contains(hit)) return `${where} is covered by ${hit && hit.outerHTML.slice(0, 60)}`;
          }
          return "";
        }
        """;

    private sealed record PressState(
        int FocusedIn, string Focused, int NewButtons, string[] ActiveOld, string[] InactiveNew, string Answer);
}
