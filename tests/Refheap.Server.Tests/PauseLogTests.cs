using Refheap.Server.Stats;

namespace Refheap.Server.Tests;

/// <summary>The server's bounded, numbered list of pause records behind <c>/stats?pausesSince=N</c>.</summary>
public sealed class PauseLogTests
{
    private static readonly DateTimeOffset s_when = DateTimeOffset.FromUnixTimeMilliseconds(1_000);

    [Fact]
    public void RecordsAreNumberedFromOneAndHandedOutAfterTheAskedNumber()
    {
        var log = new PauseLog();
        log.Add(0, s_when, TimeSpan.FromMilliseconds(1), collected: 10, uncollectable: 0, automatic: true);
        log.Add(2, s_when, TimeSpan.FromMilliseconds(5), collected: 3, uncollectable: 1, automatic: false);

        Assert.Equal([1L, 2L], log.Since(0).Select(r => r.Seq));
        Assert.Equal(new PauseRecord(2, 2, 1_000, 5, 3, 1, false), Assert.Single(log.Since(1)));
        Assert.Empty(log.Since(2));
    }

    [Fact]
    public void OldestRecordsGoBeyondTheCapacityAndNumbersGoOn()
    {
        var log = new PauseLog();
        for (var i = 0; i < PauseLog.Capacity + 10; i++)
        {
            log.Add(0, s_when, TimeSpan.Zero, 0, 0, automatic: true);
        }

        var kept = log.Since(0);
        Assert.Equal(PauseLog.Capacity, kept.Count);
        Assert.Equal(11, kept[0].Seq);
        Assert.Equal(PauseLog.Capacity + 10, kept[^1].Seq);
    }

    [Fact]
    public void MaxPauseIsKeptPerGenerationOverEveryRecord()
    {
        var log = new PauseLog();
        log.Add(1, s_when, TimeSpan.FromMilliseconds(7), 0, 0, automatic: true);
        log.Add(1, s_when, TimeSpan.FromMilliseconds(3), 0, 0, automatic: true);
        log.Add(2, s_when, TimeSpan.FromMilliseconds(40), 0, 0, automatic: true);

        Assert.Equal([0d, 7d, 40d], log.MaxPauseMs());
    }
}
