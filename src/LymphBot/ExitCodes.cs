namespace LymphBot;

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;

    /// <summary>Bad command line or configuration.</summary>
    public const int Usage = 2;
}
