namespace LymphBot.Dashboard;

/// <summary>
/// Gap rows read in one snapshot with the numbers they are current to (<see cref="Storage.DashboardVersions"/>): every
/// open row, or the rows changed since a revision, each with whether it is open now (a resolved question, an erased or
/// 👍 vote is not).
/// </summary>
public sealed record GapChanges(long Version, long RemovedVersion, IReadOnlyList<(GapRow Row, bool Open)> Rows);
