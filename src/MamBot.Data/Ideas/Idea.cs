namespace MamBot.Data.Ideas;

/// <summary>Where an idea stands: nowe → w rozmowie → opublikowane → w realizacji → zrealizowane, or odłożone.</summary>
public enum IdeaStatus { New, InTalks, Published, InProgress, Done, Shelved }

/// <summary>A resident's proposal for the estate, with what it needs and what the author brings.</summary>
public sealed class Idea
{
    public int Id { get; set; }
    public int CentreId { get; set; }

    /// <summary>Null once the author asked to be forgotten: the idea stays, anonymous.</summary>
    public Guid? AuthorId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string ForWhom { get; set; } = "";
    public string Needs { get; set; } = "";
    public string AuthorBrings { get; set; } = "";

    /// <summary>How staff may reach the author: a phone or e-mail, "chat", or null when they may not.</summary>
    public string? Contact { get; set; }
    public IdeaStatus Status { get; set; }
    public string? StatusReason { get; set; }

    /// <summary>Counts status changes, so each change gets its own notification key.</summary>
    public int StatusVersion { get; set; }

    /// <summary>The word filter's hint for staff; never a rejection.</summary>
    public string? FlaggedWords { get; set; }
    public int? MergedIntoId { get; set; }
    public int? EventId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Neighbours see published ideas whose author is still here (an erased author leaves it counted, not shown).</summary>
    public bool IsVisible => Status is IdeaStatus.Published or IdeaStatus.InProgress or IdeaStatus.Done && AuthorId is not null;
}

public enum SupportKind { Support, Help }

/// <summary>"Popieram" (once per resident) or "Chcę pomóc" with how.</summary>
public sealed class IdeaSupport
{
    public int Id { get; set; }
    public int IdeaId { get; set; }
    public Guid? ResidentId { get; set; }
    public SupportKind Kind { get; set; }
    public string? HowToHelp { get; set; }
    public DateTime AtUtc { get; set; }
}
