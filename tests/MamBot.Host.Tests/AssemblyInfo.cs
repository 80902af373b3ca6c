// Hangfire logs through a process-wide provider bound to the host that configured it last; hosts in this
// assembly run one at a time so that a disposed host's logger is never the one in use.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
