using System.Globalization;

namespace MamBot.Host.Cluster;

/// <summary>What a host asks of the host that talks to the platforms (see <see cref="PlatformLease"/>).</summary>
public abstract record HostSignal
{
    /// <summary>A turn's replies are queued: they go out through the chat's lane.</summary>
    public sealed record Replies(string Channel, string ChatId, IReadOnlyList<long> Ids) : HostSignal;

    /// <summary>The minutely dispatch came due on another host: what is due goes out.</summary>
    public sealed record DispatchDue : HostSignal;

    /// <summary>Messenger events were stored: they are handled.</summary>
    public sealed record MessengerEvents : HostSignal;

    /// <summary>As sent through PostgreSQL's NOTIFY (at most 8000 bytes; a turn has a handful of replies).</summary>
    public string ToPayload() => this switch
    {
        Replies r => string.Join('|', "r", r.Channel, string.Join(',', r.Ids.Select(id => id.ToString(CultureInfo.InvariantCulture))), r.ChatId),
        DispatchDue => "d",
        MessengerEvents => "m",
        _ => throw new InvalidOperationException(GetType().Name),
    };

    /// <summary>Null for anything this version does not know (a newer host's signal): the periodic sweeps catch up.</summary>
    public static HostSignal? Parse(string payload)
    {
        if (payload == "d") return new DispatchDue();
        if (payload == "m") return new MessengerEvents();
        var parts = payload.Split('|', 4); // the chat id comes last: it may hold anything
        if (parts is not ["r", var channel, var ids, var chatId]) return null;
        var parsed = new List<long>();
        foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return null;
            parsed.Add(value);
        }
        return new Replies(channel, chatId, parsed);
    }
}
