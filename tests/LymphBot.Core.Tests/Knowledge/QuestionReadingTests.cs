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

    [Theory]
    [InlineData("my trainers feel tighter every evening", "trainers")]
    [InlineData("the elastic of my socks digs in by lunchtime", "socks")]
    [InlineData("can't squeeze into my sandals after work", "sandals")]
    [InlineData("my bracelet leaves a deep groove on my wrist", "bracelet")]
    [InlineData("my ankle bones vanish by the afternoon", "vanish")]
    [InlineData("my calves puff out over my boots", "boots")]
    [InlineData("hands too puffy to take my rings off", "rings")]
    public void Read_WornItemThatNoLongerFits_ReadsAsSwollen(string question, string gone)
    {
        var reading = QuestionReading.Read(question);
        Assert.Contains("swollen", reading, StringComparison.Ordinal);
        Assert.DoesNotContain(gone, reading, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("do i take my socks off for the session")]
    [InlineData("do compression socks help with swelling")]
    [InlineData("does it fit into a busy routine")]
    [InlineData("should i wear loose trousers to the appointment")]
    public void Read_WornItemWithoutAFitProblem_KeepsItsWords(string question)
    {
        Assert.Equal(question, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("my nan is 91, would it suit her", "my nan is 91 years old, would it suit her")]
    [InlineData("I'm 45 and fit, any point trying it", "I'm 45 years old and fit, any point trying it")]
    [InlineData("turning 70 soon, is mld ok", "turning 70 years old soon, is mld ok")]
    [InlineData("my grandad's 80, too old for it?", "my grandad's 80 years old, too old for it?")]
    [InlineData("at 68 can i still start", "at 68 years old can i still start")]
    [InlineData("my son who is 9 hurt his knee", "my son who is 9 years old hurt his knee")]
    public void Read_BareAge_ReadsAsYearsOld(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("my pain is 7 out of 10")]
    [InlineData("I'm 12 weeks pregnant")]
    [InlineData("my appointment is at 9 am")]
    [InlineData("is 30 minutes enough")]
    [InlineData("I'm 75kg and my legs swell")]
    [InlineData("can i book one at 5")]
    public void Read_NumberThatIsNoAge_KeepsItsWords(string question)
    {
        Assert.Equal(question, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("does it ease stress or does it just feel nice?", "does it ease stress?")]
    [InlineData("is it good for cellulite or only for relaxing", "is it good for cellulite")]
    [InlineData("does it speed up healing, or is it just a fancy rubdown?", "does it speed up healing?")]
    public void Read_LesserAlternative_IsLeftOut(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Fact]
    public void Read_AskingForTipsOnASubject_AsksAboutTheSubject()
    {
        Assert.DoesNotContain("tips", QuestionReading.Read("any tips on finding a good practitioner"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("how can I suggest a tip", QuestionReading.Read("how can I suggest a tip"));
    }

    [Theory]
    [InlineData("would lymph drainage involve injections or cutting", "would lymph drainage involve invasive")]
    [InlineData("does the therapist use a needle or a scalpel?", "does use invasive?")]
    [InlineData("no surgery, needles or stitches with mld, right", "no surgery, needles or stitches with mld, right")]
    [InlineData("I had surgery and stitches on my knee, will it help", "I had surgery and stitches on my knee, will it help")]
    public void Read_ProceduresNamedTogetherAsWhatItInvolves_ReadAsInvasive(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("is lymphatic massage just meant for athletes", "who is it for athletes")]
    [InlineData("is it only for people with lymphedema?", "who is it for people with lymphedema?")]
    public void Read_OnlyOrJustForSomeone_AsksWhoItIsFor(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("what is the practitioner going to do on my first visit", "what happens in a session on my first visit")]
    [InlineData("what does a lymphatic massage therapist really do", "what happens in a session")]
    public void Read_WhatThePractitionerDoes_AsksWhatHappensInASession(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("why am I so sleepy after each mld appointment", "why am I so sleepy ")]
    [InlineData("how come I feel lighter following the massage?", "how come I feel lighter ?")]
    public void Read_AfterASession_SaysWhenNotWhat(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("will the lymph massage be sore", "will the lymph massage be firm pressure")]
    [InlineData("is it uncomfortable to get mld?", "is it firm pressure to get mld?")]
    [InlineData("does it help when my legs hurt", "does it help when my legs hurt")]
    public void Read_TheMassageHurting_AsksAboutItsPressure(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("what is the aim of an mld session", "what is the aim of an mld")]
    [InlineData("what's the point of these appointments", "what's the point of these lymph drainage")]
    [InlineData("what is a lymph drainage session meant to achieve", "what is a lymph drainage meant to achieve")]
    [InlineData("what happens in a session", "what happens in a session")]
    public void Read_PurposeOfASession_IsThePurposeOfTheTherapy(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("does my GP have to okay it before booking mld", "does my GP have to okay it before starting mld")]
    [InlineData("do I check with my GP before my first mld session", "do I check with my GP before starting mld")]
    [InlineData("what should I do before my session", "what should I do before my session")]
    public void Read_BeforeBookingOrAFirstSession_IsBeforeStarting(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("how is it different from a normal spa massage", "how is it different from ordinary massage")]
    [InlineData("is mld just a fancy back rub", "is mld just ordinary massage")]
    [InlineData("does it feel like a deep tissue massage", "does it feel like a deep tissue massage")]
    public void Read_OrdinaryMassageInOtherWords_IsAnOrdinaryMassage(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("my legs feel so heavy by the evening", "my legs feel so swollen by the evening")]
    [InlineData("tired, achy, swollen ankles", "swollen, discomfort, swollen ankles")]
    [InlineData("is heavy pressure used", "is heavy pressure used")]
    [InlineData("my muscles ache after the gym", "my muscles ache after the gym")]
    public void Read_HeavyOrAchingSwollenLimb_ReadsAsSwellingAndDiscomfort(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("when does lymphedema show up", "when does lymphedema happens")]
    [InlineData("are the strokes set in a particular order", "are the strokes set in a particular order")]
    public void Read_SomethingThatShowsUp_Happens(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("will anything break my skin", "will anything invasive")]
    [InlineData("does it go through the skin", "does it invasive")]
    [InlineData("does it help my skin", "does it help my skin")]
    public void Read_ThroughTheSkin_IsInvasive(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("why does my therapist do pumping movements", "why does do pumping movements")]
    [InlineData("does my therapist need training", "does my therapist need training")]
    public void Read_WhoDoesItBeforeWhatTheyDo_IsNotAskedAbout(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }

    [Theory]
    [InlineData("no chest pain or anything, just puffy ankles, would it help", "just puffy ankles, would it help")]
    [InlineData("my legs are not swollen, just sore", "my legs are not swollen, just sore")]
    public void Read_DeniedBeforeJust_IsNotAskedAbout(string question, string reading)
    {
        Assert.Equal(reading, QuestionReading.Read(question));
    }
}
