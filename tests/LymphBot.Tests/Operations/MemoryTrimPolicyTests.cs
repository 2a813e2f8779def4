using LymphBot.Operations;

namespace LymphBot.Tests.Operations;

public sealed class MemoryTrimPolicyTests
{
    private const long MiB = 1024 * 1024;

    private static readonly ProcessActivity Quiet = new(AllocatedBytes: 300 * 1024, CompiledMethods: 3);

    [Fact]
    public void QuietAfterStartUp_Trims() =>
        Assert.True(MemoryTrimPolicy.ShouldTrim(Quiet, new ProcessActivity(60 * MiB, 11_000)));

    [Fact]
    public void QuietAfterACompileBurst_Trims() =>
        Assert.True(MemoryTrimPolicy.ShouldTrim(Quiet, new ProcessActivity(1 * MiB, 2_900)));

    [Theory]
    [InlineData(8, 3)]
    [InlineData(0, 400)]
    public void StillBusy_Waits(long allocatedMiB, long compiled) =>
        Assert.False(MemoryTrimPolicy.ShouldTrim(new ProcessActivity(allocatedMiB * MiB, compiled), new ProcessActivity(60 * MiB, 11_000)));

    [Fact]
    public void IdleSinceTheLastTrim_LeavesMemoryAlone() =>
        Assert.False(MemoryTrimPolicy.ShouldTrim(Quiet, new ProcessActivity(1 * MiB, 10)));
}
