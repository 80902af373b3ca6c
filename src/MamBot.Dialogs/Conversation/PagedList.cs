using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Conversation;

/// <summary>
/// A numbered list shown five at a time, as the boards show events and ideas: the page's lines, a button per item
/// (two to a row, with the same number), and ‹ › when there is more than one page.
/// </summary>
public sealed record PagedList(int Page, int Pages, IReadOnlyList<string> Lines, List<IReadOnlyList<Button>> Rows)
{
    public const int PageSize = 5;

    /// <summary>"Strona 2 z 3", or empty for a single page.</summary>
    public string PageNote => Pages > 1 ? Wording.Format(T.EventsPage, Page + 1, Pages) : "";

    /// <param name="pagePayload">The payload that shows a given page (zero-based).</param>
    /// <param name="numberButtons">False when the button titles tell the items apart themselves (events by date).</param>
    public static PagedList Of<TItem>(IReadOnlyList<TItem> items, int page, Func<TItem, string> line,
        Func<TItem, (string Title, string Payload)> button, Func<int, string> pagePayload, bool numberButtons = true)
    {
        var pages = Math.Max(1, (items.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var first = page * PageSize;
        var shown = items.Skip(first).Take(PageSize).ToList();
        var rows = shown.Select((item, i) =>
            {
                var (title, payload) = button(item);
                return new Button(numberButtons ? $"{first + i + 1}. {title}" : title, payload);
            })
            .Chunk(2).Select(r => (IReadOnlyList<Button>)r).ToList();
        var paging = new List<Button>();
        if (page > 0) paging.Add(new(T.ButtonPrevPage, pagePayload(page - 1)));
        if (page < pages - 1) paging.Add(new(T.ButtonNextPage, pagePayload(page + 1)));
        if (paging.Count > 0) rows.Add(paging);
        return new(page, pages, [.. shown.Select((item, i) => $"{first + i + 1}. {line(item)}")], rows);
    }
}
