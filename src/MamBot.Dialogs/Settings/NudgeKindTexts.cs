using MamBot.Data.Residents;
using MamBot.Dialogs.Texts;

namespace MamBot.Dialogs.Settings;

/// <summary>The Polish names of nudge kinds: a long one for the list, a short one for buttons (Messenger: ≤ 20 characters).</summary>
public static class NudgeKindTexts
{
    public static string Described(NudgeKind kind) => kind switch
    {
        NudgeKind.Tips => T.KindTips,
        NudgeKind.Reminders => T.KindReminders,
        NudgeKind.Events => T.KindEvents,
        NudgeKind.Digest => T.KindDigest,
        NudgeKind.Surveys => T.KindSurveys,
        NudgeKind.Ideas => T.KindIdeas,
        NudgeKind.Announcements => T.KindAnnouncements,
        _ => kind.ToString(),
    };

    public static string ButtonWord(NudgeKind kind) => kind switch
    {
        NudgeKind.Tips => T.KindShortTips,
        NudgeKind.Reminders => T.KindShortReminders,
        NudgeKind.Events => T.KindShortEvents,
        NudgeKind.Digest => T.KindShortDigest,
        NudgeKind.Surveys => T.KindShortSurveys,
        NudgeKind.Ideas => T.KindShortIdeas,
        NudgeKind.Announcements => T.KindShortAnnouncements,
        _ => kind.ToString(),
    };
}
