namespace LymphBot.Core.Programs;

/// <summary>The enrollment a join made, or the one the member already had (<paramref name="Joined"/> false): joining twice adds nothing.</summary>
public sealed record ProgramJoinResult(bool Joined, ProgramEnrollment Enrollment);
