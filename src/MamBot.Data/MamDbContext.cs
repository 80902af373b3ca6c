using System.Collections.Concurrent;
using MamBot.Data.Bookings;
using MamBot.Data.Broadcasts;
using MamBot.Data.Centres;
using MamBot.Data.Conversations;
using MamBot.Data.Events;
using MamBot.Data.Ideas;
using MamBot.Data.Outbox;
using MamBot.Data.Residents;
using MamBot.Data.Staff;
using MamBot.Data.Surveys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MamBot.Data;

public class MamDbContext : DbContext, IDataProtectionKeyContext
{
    public MamDbContext(DbContextOptions<MamDbContext> options) : base(options) { }

    /// <summary>For <see cref="Postgres.PostgresMamDbContext"/>: the same model, its own migrations.</summary>
    protected MamDbContext(DbContextOptions options) : base(options) { }

    /// <summary>PostgreSQL (several hosts) rather than the SQLite file.</summary>
    public bool IsPostgres => Database.IsNpgsql();

    public DbSet<Centre> Centres => Set<Centre>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();
    public DbSet<LocalContact> LocalContacts => Set<LocalContact>();
    public DbSet<Blackout> Blackouts => Set<Blackout>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<CommunityEvent> Events => Set<CommunityEvent>();
    public DbSet<EventSignup> EventSignups => Set<EventSignup>();
    public DbSet<EventFeedback> EventFeedback => Set<EventFeedback>();
    public DbSet<CategorySubscription> CategorySubscriptions => Set<CategorySubscription>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<IdeaSupport> IdeaSupports => Set<IdeaSupport>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<MonthlyActivity> MonthlyActivities => Set<MonthlyActivity>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<SurveyParticipation> SurveyParticipations => Set<SurveyParticipation>();
    public DbSet<SurveyDraft> SurveyDrafts => Set<SurveyDraft>();
    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ChannelIdentity> ChannelIdentities => Set<ChannelIdentity>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<ConversationState> ConversationStates => Set<ConversationState>();
    public DbSet<ProcessedUpdate> ProcessedUpdates => Set<ProcessedUpdate>();
    public DbSet<FailedUpdate> FailedUpdates => Set<FailedUpdate>();
    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MailboxMessage> MailboxMessages => Set<MailboxMessage>();
    public DbSet<Health.WriteProbe> WriteProbes => Set<Health.WriteProbe>();
    public DbSet<Handoffs.Handoff> Handoffs => Set<Handoffs.Handoff>();
    public DbSet<Handoffs.HandoffMessage> HandoffMessages => Set<Handoffs.HandoffMessage>();
    public DbSet<UtilityTemplate> UtilityTemplates => Set<UtilityTemplate>();
    public DbSet<Throttles.Throttle> Throttles => Set<Throttles.Throttle>();
    public DbSet<Posters.PosterVisit> PosterVisits => Set<Posters.PosterVisit>();

    /// <summary>ASP.NET Core's keys (staff sign-in, form tokens), shared by every host of the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Moves the write-ahead log into the database file and empties it, so deleted rows survive in neither (with
    /// secure_delete on, their pages are zeroed). Inside a write transaction it runs right after the commit.
    /// </summary>
    public async Task ForgetDeletedBytesAsync(CancellationToken ct)
    {
        if (IsPostgres) return; // its dead rows go with autovacuum; a write-ahead log to empty is SQLite's
        if (Database.CurrentTransaction is not null)
        {
            _forgetBytesAfterCommit = true;
            return;
        }
        // A reader still on an older snapshot keeps the log from being emptied: SQLite answers "busy" at once
        // (not as an error), so ask again until the readers of the moment have finished.
        var deadline = DateTime.UtcNow + CheckpointPatience;
        while (await CheckpointWasBusyAsync(ct) && DateTime.UtcNow < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
    }

    private static readonly TimeSpan CheckpointPatience = TimeSpan.FromSeconds(2); // it holds the write lock: the nightly housekeeping tries again

    private async Task<bool> CheckpointWasBusyAsync(CancellationToken ct)
    {
        await Database.OpenConnectionAsync(ct);
        try
        {
            // No busy handler here: it would block this thread in SQLite for its whole timeout while the reader
            // it waits for needs the thread pool; this loop asks again itself.
            await Pragma("PRAGMA busy_timeout = 0;");
            await using var command = Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var result = await command.ExecuteReaderAsync(ct);
            return await result.ReadAsync(ct) && result.GetInt32(0) != 0; // columns: busy, log pages, checkpointed
        }
        finally
        {
            await Pragma($"PRAGMA busy_timeout = {SqliteSecureDelete.BusyTimeoutMilliseconds};");
            await Database.CloseConnectionAsync();
        }

        async Task Pragma(string text)
        {
            await using var pragma = Database.GetDbConnection().CreateCommand();
            pragma.CommandText = text;
            await pragma.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private bool _forgetBytesAfterCommit;

    private async Task AfterCommitAsync(CancellationToken ct)
    {
        if (_forgetCentresAfterCommit)
        {
            _forgetCentresAfterCommit = false;
            CentreCache.Forget(Database.GetDbConnection().ConnectionString);
        }
        if (!_forgetBytesAfterCommit) return;
        _forgetBytesAfterCommit = false;
        try
        {
            await ForgetDeletedBytesAsync(ct);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The data is committed either way; the nightly housekeeping empties the log if this could not.
        }
    }

    /// <summary>
    /// A transaction that takes SQLite's write lock at once (BEGIN IMMEDIATE), so "check, then write" cannot
    /// interleave with another writer. Writers of this process first queue on an in-process gate: SQLite's own
    /// wait for a busy lock (Microsoft.Data.Sqlite retries every 150 ms) would add whole sleeps to a turn.
    /// </summary>
    public async Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct)
    {
        // Inside a conversation turn the turn's transaction already holds the lock: join it, it commits for both.
        if (Database.CurrentTransaction is not null) return new JoinedTransaction();
        var gate = WriteGate;
        await gate.WaitAsync(ct);
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for a deferred transaction; EF owns it, so a
            // failure rolls back and releases the lock when the transaction is disposed.
            var transaction = await Database.BeginTransactionAsync(ct);
            // PostgreSQL: the same database-wide write lock, for every host, released by commit or rollback.
            if (IsPostgres) await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", ct);
            return new GatedTransaction(transaction, gate, AfterCommitAsync);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>
    /// One piece of work, one commit: the way a chat turn runs (a panel action, a job run, a bulk statement). Work
    /// inside a transaction already under way joins it and commits with it.
    /// </summary>
    public async Task<T> InOneWriteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await BeginWriteAsync(ct);
        var result = await work(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>A bulk statement (ExecuteUpdate, ExecuteDelete) passes no SaveChanges: it takes the write gate here.</summary>
    public Task<int> BulkWriteAsync(Func<CancellationToken, Task<int>> statement, CancellationToken ct) => InOneWriteAsync(statement, ct);

    /// <summary>A save outside a write transaction is a short write transaction of its own: it queues at the gate too.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.HasChanges()) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        ChooseSavepoint();
        if (Database.CurrentTransaction is not null)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var gate = WriteGate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// One changed row is one statement, which SQLite undoes by itself when it fails: a savepoint around it would
    /// only add two statements to every small save of a turn. Several rows keep EF's savepoint.
    /// </summary>
    /// <remarks>
    /// PostgreSQL keeps the savepoint for every save: there a failed statement spoils the whole transaction
    /// unless it is rolled back to one.
    /// </remarks>
    private void ChooseSavepoint() =>
        Database.AutoSavepointsEnabled = !_saveWithoutSavepoint && (IsPostgres
            || ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) > 1);

    /// <summary>The advisory lock every host's write transaction takes on PostgreSQL ("MAM").</summary>
    private const long WriteLockKey = 0x4D414D;

    private bool _saveWithoutSavepoint;

    /// <summary>
    /// A save whose failure fails the whole transaction (the end of a turn): nobody goes on after it, so a
    /// savepoint to undo only this save would be two statements for nothing.
    /// </summary>
    public async Task SaveOrFailTransactionAsync(CancellationToken ct)
    {
        _saveWithoutSavepoint = true;
        try { await SaveChangesAsync(ct); }
        finally { _saveWithoutSavepoint = false; }
    }

    private bool _forgetCentresAfterCommit;

    /// <summary>A centre changed inside this transaction: copies read meanwhile must not outlive the commit.</summary>
    internal void ForgetCentresAfterCommit() => _forgetCentresAfterCommit = true;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new();

    /// <summary>One gate per database file in this process.</summary>
    private SemaphoreSlim WriteGate => WriteGates.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // We store UTC only; SQLite keeps no kind, so say it on the way back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Health.WriteProbe>(e => e.HasKey(p => p.Host));
        modelBuilder.Entity<Centre>(e =>
        {
            e.HasIndex(c => c.Slug).IsUnique();
            e.HasMany(c => c.OpeningHours).WithOne().HasForeignKey(h => h.CentreId);
            e.HasMany(c => c.HouseRules).WithOne().HasForeignKey(r => r.CentreId);
            e.HasMany(c => c.Faq).WithOne().HasForeignKey(f => f.CentreId);
            e.HasMany(c => c.Rooms).WithOne().HasForeignKey(r => r.CentreId);
            e.HasMany(c => c.Contacts).WithOne().HasForeignKey(x => x.CentreId);
        });
        modelBuilder.Entity<LocalContact>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(LocalContactRules.NameMax);
            e.Property(x => x.Topics).HasMaxLength(LocalContactRules.TopicsMax);
            e.Property(x => x.Note).HasMaxLength(LocalContactRules.NoteMax);
            e.Property(x => x.NoteUk).HasMaxLength(LocalContactRules.NoteMax);
            e.Property(x => x.NoteEn).HasMaxLength(LocalContactRules.NoteMax);
            e.Property(x => x.Phone).HasMaxLength(LocalContactRules.DetailMax);
            e.Property(x => x.Email).HasMaxLength(LocalContactRules.DetailMax);
            e.Property(x => x.Address).HasMaxLength(LocalContactRules.DetailMax);
            e.Property(x => x.Hours).HasMaxLength(LocalContactRules.DetailMax);
            e.Property(x => x.NameUk).HasMaxLength(LocalContactRules.NameMax);
            e.Property(x => x.NameEn).HasMaxLength(LocalContactRules.NameMax);
        });
        modelBuilder.Entity<Blackout>(e =>
        {
            e.HasOne<Centre>().WithMany().HasForeignKey(b => b.CentreId);
            e.HasIndex(b => new { b.CentreId, b.StartUtc });
        });
        modelBuilder.Entity<Booking>(e =>
        {
            e.HasOne<Room>().WithMany().HasForeignKey(b => b.RoomId);
            e.HasIndex(b => new { b.RoomId, b.StartUtc });
            e.HasIndex(b => b.ResidentId);
            e.Property(b => b.Status).HasConversion<string>();
        });

        modelBuilder.Entity<CommunityEvent>(e =>
        {
            e.HasOne<Centre>().WithMany().HasForeignKey(x => x.CentreId);
            e.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId);
            e.HasIndex(x => new { x.CentreId, x.StartUtc });
            e.HasIndex(x => new { x.RoomId, x.StartUtc });
            e.HasIndex(x => x.SeriesId);
            e.Property(x => x.Category).HasConversion<string>();
            e.Property(x => x.Status).HasConversion<string>();
        });
        modelBuilder.Entity<EventSignup>(e =>
        {
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(s => s.EventId);
            e.Property(s => s.Status).HasConversion<string>();
            // One active place per resident and event, enforced by the database too.
            e.HasIndex(s => new { s.EventId, s.ResidentId }).IsUnique().HasFilter("\"Status\" <> 'Withdrawn'");
            e.HasIndex(s => s.ResidentId);
        });
        modelBuilder.Entity<EventFeedback>(e =>
        {
            e.HasOne<CommunityEvent>().WithMany().HasForeignKey(f => f.EventId);
            e.HasIndex(f => new { f.EventId, f.ResidentId });
        });
        modelBuilder.Entity<CategorySubscription>(e =>
        {
            e.HasKey(s => new { s.ResidentId, s.Category });
            e.HasOne<Resident>().WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.Category).HasConversion<string>();
        });

        modelBuilder.Entity<Idea>(e =>
        {
            e.HasOne<Centre>().WithMany().HasForeignKey(i => i.CentreId);
            e.HasIndex(i => new { i.CentreId, i.Status });
            e.HasIndex(i => i.AuthorId);
            e.Property(i => i.Status).HasConversion<string>();
        });
        modelBuilder.Entity<IdeaSupport>(e =>
        {
            e.HasOne<Idea>().WithMany().HasForeignKey(s => s.IdeaId);
            e.Property(s => s.Kind).HasConversion<string>();
            // "Popieram" counts once: the database says so too.
            e.HasIndex(s => new { s.IdeaId, s.ResidentId, s.Kind }).IsUnique();
        });

        modelBuilder.Entity<Survey>(e =>
        {
            e.HasOne<Centre>().WithMany().HasForeignKey(s => s.CentreId);
            e.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.Audience).HasConversion<string>();
            e.Property(s => s.AudienceCategory).HasConversion<string>();
            e.HasIndex(s => new { s.CentreId, s.ClosesUtc });
        });
        modelBuilder.Entity<SurveyQuestion>().Property(q => q.Type).HasConversion<string>();
        modelBuilder.Entity<MonthlyActivity>(e =>
        {
            // No foreign key to residents on purpose: the rows outlive an erased resident, anonymously.
            e.HasIndex(a => new { a.ResidentId, a.Channel, a.Month }).IsUnique();
            e.HasIndex(a => new { a.CentreId, a.Month });
        });
        modelBuilder.Entity<Broadcast>(e =>
        {
            e.HasOne<Centre>().WithMany().HasForeignKey(b => b.CentreId);
            e.Property(b => b.Audience).HasConversion<string>();
            e.Property(b => b.AudienceCategory).HasConversion<string>();
            e.Property(b => b.Text).HasMaxLength(Broadcast.MaxLength);
            e.Property(b => b.TextUk).HasMaxLength(Broadcast.MaxLength);
            e.Property(b => b.TextEn).HasMaxLength(Broadcast.MaxLength);
            e.Ignore(b => b.KeyPrefix);
            e.HasIndex(b => new { b.CentreId, b.SendAtUtc });
        });
        modelBuilder.Entity<SurveyResponse>(e =>
        {
            // Random ids (assigned by SurveyService), so rows keep no order of answering.
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId);
            e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => r.SurveyId);
        });
        modelBuilder.Entity<SurveyAnswer>(e =>
        {
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId);
        });
        modelBuilder.Entity<SurveyParticipation>(e =>
        {
            e.HasKey(p => new { p.SurveyId, p.ResidentId });
            e.HasOne<Survey>().WithMany().HasForeignKey(p => p.SurveyId);
        });
        modelBuilder.Entity<SurveyDraft>(e =>
        {
            e.HasKey(d => new { d.SurveyId, d.ResidentId });
            e.HasOne<Survey>().WithMany().HasForeignKey(d => d.SurveyId);
            e.HasOne<Resident>().WithMany().HasForeignKey(d => d.ResidentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StaffUser>().HasIndex(u => u.Email).IsUnique();
        modelBuilder.Entity<StaffUser>().Property(u => u.CalendarFeedSecret).HasMaxLength(64);
        modelBuilder.Entity<StaffUser>().HasIndex(u => u.CalendarFeedSecret).IsUnique();

        modelBuilder.Entity<Resident>(e =>
        {
            e.HasOne<Centre>().WithMany().HasForeignKey(r => r.CentreId);
            e.Property(r => r.Language).HasMaxLength(8).HasDefaultValue(Languages.Polish);
            e.HasMany(r => r.Identities).WithOne().HasForeignKey(i => i.ResidentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Consents).WithOne().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Preferences).WithOne().HasForeignKey(p => p.ResidentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ChannelIdentity>().HasIndex(i => new { i.Channel, i.ExternalId }).IsUnique();
        modelBuilder.Entity<NotificationPreference>(e =>
        {
            e.HasKey(p => new { p.ResidentId, p.Kind });
            e.Property(p => p.Kind).HasConversion<string>();
        });

        modelBuilder.Entity<ConversationState>().HasKey(s => new { s.Channel, s.ChatId });
        modelBuilder.Entity<ProcessedUpdate>().HasKey(u => new { u.Channel, u.UpdateId });
        modelBuilder.Entity<FailedUpdate>(e =>
        {
            e.HasKey(u => new { u.Channel, u.UpdateId });
            e.HasIndex(u => new { u.Channel, u.ChatId });
        });

        modelBuilder.Entity<InboundEvent>(e =>
        {
            e.HasIndex(i => new { i.Channel, i.EventId }).IsUnique();
            e.HasIndex(i => new { i.Channel, i.Status, i.Id });
            e.HasIndex(i => new { i.Channel, i.ChatId });
            e.Property(i => i.Status).HasConversion<string>();
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.HasIndex(m => m.IdempotencyKey).IsUnique();
            e.HasIndex(m => new { m.Status, m.DueUtc });
            e.HasIndex(m => m.ResidentId);
            e.HasIndex(m => new { m.Channel, m.ChatId });
            e.HasIndex(m => new { m.Channel, m.ChatId, m.PlatformMessageId });
            e.Property(m => m.PlatformMessageId).HasMaxLength(40);
            e.Property(m => m.Kind).HasConversion<string>();
            e.Property(m => m.Status).HasConversion<string>();
            e.Property(m => m.ClaimedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<MailboxMessage>(e =>
        {
            e.HasIndex(m => new { m.Channel, m.ChatId, m.Id });
            e.HasIndex(m => m.OutboxMessageId); // each web chat turn looks up its replies by this
        });
        modelBuilder.Entity<UtilityTemplate>(e => e.HasIndex(t => new { t.Name, t.Language }).IsUnique());
        modelBuilder.Entity<Throttles.Throttle>(e =>
        {
            e.HasKey(t => t.Key);
            e.Property(t => t.Key).HasMaxLength(64);
            e.HasIndex(t => t.ExpiresUtc);
        });
        modelBuilder.Entity<Posters.PosterVisit>(e =>
        {
            e.Property(v => v.Code).HasMaxLength(20);
            e.Property(v => v.Place).HasMaxLength(40);
            e.Property(v => v.Month).HasMaxLength(7);
            e.HasIndex(v => new { v.Code, v.Place, v.Month }).IsUnique();
        });
        modelBuilder.Entity<Handoffs.Handoff>(e =>
        {
            e.Property(h => h.Channel).HasMaxLength(20);
            e.Property(h => h.ChatId).HasMaxLength(100);
            e.Property(h => h.Status).HasConversion<string>();
            e.Property(h => h.EndedBy).HasConversion<string>();
            e.Property(h => h.StaffName).HasMaxLength(100);
            e.HasIndex(h => new { h.Channel, h.ChatId, h.Status });
            e.HasIndex(h => new { h.Status, h.LastResidentMessageUtc });
            e.HasMany(h => h.Messages).WithOne().HasForeignKey(m => m.HandoffId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Handoffs.HandoffMessage>(e =>
        {
            e.Property(m => m.Text).HasMaxLength(4000);
            e.Property(m => m.StaffName).HasMaxLength(100);
        });
    }

    /// <summary>The write transaction; the gate opens for the next writer once it is committed, rolled back or disposed.</summary>
    private sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate, Func<CancellationToken, Task> afterCommit)
        : IDbContextTransaction
    {
        private int _released;
        public Guid TransactionId => inner.TransactionId;

        public void Commit() => CommitAsync().GetAwaiter().GetResult();

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.CommitAsync(cancellationToken);
                await inner.DisposeAsync(); // so that the after-commit work runs outside the transaction
                await afterCommit(cancellationToken);
            }
            finally { Release(); }
        }

        public void Rollback()
        {
            try { inner.Rollback(); }
            finally { Release(); }
        }

        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            try { await inner.RollbackAsync(cancellationToken); }
            finally { Release(); }
        }

        public void Dispose()
        {
            try { inner.Dispose(); }
            finally { Release(); }
        }

        public async ValueTask DisposeAsync()
        {
            try { await inner.DisposeAsync(); }
            finally { Release(); }
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    private sealed class JoinedTransaction : IDbContextTransaction
    {
        public Guid TransactionId { get; } = Guid.NewGuid();
        public void Commit() { }
        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public void Rollback() { }
        public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
