using MamBot.Dialogs.Conversation;
using MamBot.Host.Channels;
using MamBot.Host.Channels.Telegram;

namespace MamBot.Host.Tests.Channels;

public class TextSplitterTests
{
    [Fact]
    public void Short_text_stays_whole() => Assert.Equal(["Dzień dobry!"], TextSplitter.Split("Dzień dobry!", 20));

    [Fact]
    public void Long_text_breaks_between_paragraphs_first()
    {
        var parts = TextSplitter.Split("Pierwszy akapit.\n\nDrugi akapit, dłuższy.\n\nTrzeci.", 30);
        Assert.Equal(["Pierwszy akapit.", "Drugi akapit, dłuższy.", "Trzeci."], parts);
    }

    [Fact]
    public void Without_paragraphs_it_breaks_at_lines_then_words_then_anywhere()
    {
        Assert.Equal(["linia pierwsza", "linia druga"], TextSplitter.Split("linia pierwsza\nlinia druga", 15));
        Assert.Equal(["jeden dwa", "trzy cztery"], TextSplitter.Split("jeden dwa trzy cztery", 11));
        Assert.Equal(["aaaaa", "aaaaa", "aa"], TextSplitter.Split("aaaaaaaaaaaa", 5));
    }

    [Fact]
    public void Every_part_fits_the_limit()
    {
        var text = string.Join(" ", Enumerable.Repeat("źdźbło", 2000));
        Assert.All(TextSplitter.Split(text, 4096), p => Assert.InRange(p.Length, 1, 4096));
    }

    [Fact]
    public void Callback_data_over_64_bytes_is_refused_rather_than_cut()
    {
        var fits = Reply.WithRow("?", new Button("Tak", new string('a', 64)));
        Assert.NotNull(TelegramSender.Keyboard(fits));
        var tooLong = Reply.WithRow("?", new Button("Tak", new string('ż', 33))); // 66 bytes in UTF-8
        Assert.Throws<InvalidOperationException>(() => TelegramSender.Keyboard(tooLong));
        Assert.Null(TelegramSender.Keyboard(Reply.Plain("bez przycisków")));
    }
}
