namespace MamBot.Dialogs.Texts;

/// <summary>A message as a resident will read it, and in which language: the panel shows it before the team confirms.</summary>
public sealed record ResidentNotice(string Text, string Language);
