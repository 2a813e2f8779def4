using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

public sealed class QuestionReadingTests
{
    [Theory]
    [InlineData("besides swelling, what else does it help with", "swelling")]
    [InlineData("apart from reducing swelling what are the other benefits", "reducing")]
    [InlineData("what are the benefits of mld besides stress relief", "stress")]
    [InlineData("not counting the relaxation, what good is it", "relaxation")]
    [InlineData("aside from the physical stuff, any mental benefits", "physical")]
    public void Read_ExcludedSubject_IsLeftOut(string question, string excluded)
    {
        Assert.DoesNotContain(excluded, QuestionReading.Read(question), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("is there anything besides massage that helps")]
    [InlineData("what else is lymph drainage good for")]
    [InlineData("does it help with swelling")]
    public void Read_NothingExcluded_KeepsTheQuestion(string question)
    {
        Assert.Equal(question, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("my legs feel like sausages by the evening", "my legs feel swollen by the evening")]
    [InlineData("my ankles look like water balloons after work", "my ankles look swollen after work")]
    [InlineData("my feet are the size of footballs", "my feet are swollen")]
    [InlineData("my calves get as big as melons in summer", "my calves get swollen in summer")]
    public void Read_LimbSimile_ReadsAsSwollen(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("my face looks like a balloon")]
    [InlineData("does it feel like a regular massage")]
    [InlineData("I would like my legs to feel lighter")]
    public void Read_SimileNotAboutALimb_KeepsItsWords(string question)
    {
        Assert.Equal(question, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("is it good for people who want to relax", "is it good for people want to relax")]
    [InlineData("who is it for", "who is it for")]
    [InlineData("who should get lymph drainage", "who should get lymph drainage")]
    public void Read_WhoAfterAGroupOfPeople_DescribesThem(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("does it help athletes recover or not", "does it help athletes recover")]
    [InlineData("should i ask my gp first or is that overkill", "should i ask my gp first")]
    [InlineData("is that true or just marketing?", "is that true?")]
    [InlineData("is it a normal massage or something different?", "is it a normal massage?")]
    public void Read_ThrowawayAlternative_IsLeftOut(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("does it help with swelling or lymphedema")]
    [InlineData("is it done by hand or by a machine?")]
    [InlineData("or not, is it safe?")]
    public void Read_RealAlternative_KeepsTheQuestion(string question)
    {
        Assert.Equal(question, QuestionReading.Read(question));
    }
}
