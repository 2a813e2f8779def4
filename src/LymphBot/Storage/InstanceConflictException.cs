namespace LymphBot.Storage;

/// <summary>Another instance already owns the storage this one would use; the host stops with the message.</summary>
public sealed class InstanceConflictException : Exception
{
    public InstanceConflictException()
    {
    }

    public InstanceConflictException(string message)
        : base(message)
    {
    }

    public InstanceConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
