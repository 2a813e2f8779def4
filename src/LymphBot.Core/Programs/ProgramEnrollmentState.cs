namespace LymphBot.Core.Programs;

public enum ProgramEnrollmentState
{
    /// <summary>Steps are still coming (or the course has ended and its summary is still to be sent).</summary>
    Active,

    /// <summary>The course ran to its end; its summary was written to the outbox.</summary>
    Finished,

    /// <summary>The member stopped it with <c>/program leave</c>.</summary>
    Left,
}
