namespace LymphBot.Storage;

/// <summary>The database cannot be used (damaged, full, unwritable, unreachable); the message is one line naming it and the problem.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
