using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LymphBot.Dashboard;

/// <summary>
/// The folder of the dashboard's keys, made owner-only (0700 on Unix) at start, and the certificate that encrypts
/// them when <c>Dashboard:KeyCertificatePath</c> is set. Start-up says once how the keys are kept.
/// </summary>
public sealed partial class DashboardKeyFolder(string path, string? certificateThumbprint, ILogger<DashboardKeyFolder> logger) : IHostedService
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Path { get; } = path;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        MakeOwnerOnly(Path);
        if (certificateThumbprint is { } thumbprint)
        {
            LogEncrypted(Path, thumbprint);
        }
        else
        {
            LogUnencrypted(Path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the folder owner-only, or takes group and other access away from one that exists.</summary>
    internal static void MakeOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows folders inherit the profile's access list; the mode bits below do not exist there.
            Directory.CreateDirectory(path);
            return;
        }

        var folder = Directory.CreateDirectory(path, OwnerOnly);
        if ((folder.UnixFileMode & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    /// <summary>Why the certificate at <paramref name="path"/> cannot protect the keys, or null when it can.</summary>
    internal static string? CertificateProblem(string path, string? password)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey ? null : "it has no private key, so the keys could be encrypted but never read back; use a PFX file with its private key";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            return $"it could not be read as a PFX file with Dashboard:KeyCertificatePassword ({ex.Message.TrimEnd('.')})";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard keys are stored in {Folder} (owner-only), encrypted with certificate {Thumbprint}")]
    private partial void LogEncrypted(string folder, string thumbprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard keys are stored unencrypted at rest in {Folder} (owner-only); to encrypt them, set Dashboard:KeyCertificatePath to a PFX certificate and Dashboard__KeyCertificatePassword to its password")]
    private partial void LogUnencrypted(string folder);
}
