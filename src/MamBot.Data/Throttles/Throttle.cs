namespace MamBot.Data.Throttles;

/// <summary>
/// How much of an allowance one chat, network address or sign-in has used (the flood guards, the sign-in
/// guard), kept where every host sees it. The key is a hash: the chat id or address itself is not stored,
/// and a row means nothing after <see cref="ExpiresUtc"/> (the nightly housekeeping deletes it).
/// </summary>
public sealed class Throttle
{
    public required string Key { get; set; }
    public double Amount { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime LastUtc { get; set; }
    public bool Flag { get; set; }
    public DateTime ExpiresUtc { get; set; }
}
