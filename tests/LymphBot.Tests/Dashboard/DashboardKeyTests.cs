using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LymphBot.Core.Dashboard;
using LymphBot.Dashboard;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Tests.Dashboard;

/// <summary>How the keys behind the dashboard's forms are kept: an owner-only folder, encrypted with a certificate when one is given.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DashboardKeyTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task Start_WithoutCertificate_MakesTheFolderOwnerOnly_SaysSoOnce_AndWarnsOfNothing()
    {
        var logs = new List<string>();
        await using var host = await DashboardHost.StartAsync(logs);
        var folder = Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "dashboard-keys");
        var atStart = Snapshot(logs);

        // A form makes the first key: that is when data protection used to warn "No XML encryptor configured".
        using var browser = await host.SignInAsync(await host.LinkForAdminAsync());
        var afterFirstKey = Snapshot(logs);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(folder));
        Assert.DoesNotContain(atStart, l => l.Contains("DataProtection", StringComparison.Ordinal));
        var notice = Assert.Single(afterFirstKey, l => l.Contains("unencrypted at rest", StringComparison.Ordinal));
        Assert.StartsWith("Information", notice, StringComparison.Ordinal);
        Assert.Contains(folder, notice, StringComparison.Ordinal);
        Assert.Contains("Dashboard:KeyCertificatePath", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(afterFirstKey, l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder, "key-*.xml")));
        Assert.Contains("unencryptedKey", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAKeysFolderOthersCanRead_TakesTheirAccessAway()
    {
        using var keys = new TempDirectory();
        var folder = keys.Combine("shared-keys");
        Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await using var host = await DashboardHost.StartAsync($"--Dashboard:KeysPath={folder}");

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(folder));
    }

    [Fact]
    public async Task Certificate_EncryptsTheKeys_AndFormsStillWorkAfterARestart()
    {
        using var files = new TempDirectory();
        var pfx = files.Combine("keys.pfx");
        using var certificate = SelfSigned();
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "s3cret"));
        var logs = new List<string>();
        await using var host = await DashboardHost.StartAsync(logs, $"--Dashboard:KeyCertificatePath={pfx}", "--Dashboard:KeyCertificatePassword=s3cret");
        var folder = Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "dashboard-keys");

        using var before = await host.SignInAsync(await host.LinkForAdminAsync());
        var page = await before.GetAsync("/dashboard");
        await host.RestartAsync();
        using var after = before.WithCookiesAt(host.BaseAddress);

        var signOut = await after.SubmitAsync(page, "/dashboard/sign-out");

        Assert.Equal(HttpStatusCode.OK, signOut.Status);
        Assert.Contains("You are signed out", signOut.Text, StringComparison.Ordinal);
        var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder, "key-*.xml")));
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("unencryptedKey", key, StringComparison.Ordinal);
        var lines = Snapshot(logs);
        Assert.Contains(lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains(certificate.Thumbprint, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("unencrypted at rest", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CertificateWithTheWrongPassword_NamesTheSetting()
    {
        using var files = new TempDirectory();
        var pfx = files.Combine("keys.pfx");
        using var certificate = SelfSigned();
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "s3cret"));
        var options = new DashboardOptions { KeyCertificatePath = pfx, KeyCertificatePassword = "wrong" };

        var result = new DashboardOptionsValidator().Validate(null, options);
        var missing = new DashboardOptionsValidator().Validate(null, new DashboardOptions { KeyCertificatePath = files.Combine("none.pfx") });

        Assert.True(result.Failed);
        Assert.Contains("Dashboard:KeyCertificatePath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("KeyCertificatePassword", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(missing.Failed);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=LymphBot dashboard keys test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        return request.CreateSelfSigned(now, now.AddYears(30));
    }

    private static List<string> Snapshot(List<string> logs)
    {
        lock (logs)
        {
            return [.. logs];
        }
    }
}
