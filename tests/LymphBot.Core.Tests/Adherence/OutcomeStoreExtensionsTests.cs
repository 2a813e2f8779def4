using LymphBot.Core.Adherence;

namespace LymphBot.Core.Tests.Adherence;

public sealed class OutcomeStoreExtensionsTests
{
    [Theory]
    [InlineData(OccurrenceOutcome.Done)]
    [InlineData(OccurrenceOutcome.SnoozedThenDone)]
    [InlineData(OccurrenceOutcome.Skipped)]
    [InlineData(OccurrenceOutcome.Missed)]
    [InlineData(OccurrenceOutcome.Rest)]
    [InlineData(OccurrenceOutcome.Paused)]
    public void EndsNudges_EveryStoredOutcome_EndsTheDaysSnoozesAndFollowUps(OccurrenceOutcome outcome) =>
        Assert.True(((OccurrenceOutcome?)outcome).EndsNudges());

    [Fact]
    public void EndsNudges_AnOpenDay_DoesNot() => Assert.False(((OccurrenceOutcome?)null).EndsNudges());
}
