using System.Security.Cryptography.X509Certificates;
using LymphBot.Core.Dashboard;
using LymphBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Dashboard;

/// <summary>
/// The keys that protect the dashboard's form tokens: kept in an owner-only folder so forms survive a restart,
/// encrypted with <c>Dashboard:KeyCertificatePath</c> when one is given. The key ring itself is read on the first
/// form, not at start (an idle bot whose dashboard nobody opens never loads it).
/// </summary>
internal static class DashboardKeys
{
    /// <summary>Data protection with the folder, the certificate when given, and no key-ring loading at start.</summary>
    public static void AddDashboardKeys(this IServiceCollection services, IConfiguration dashboard)
    {
        var protection = services.AddDataProtection().SetApplicationName("LymphBot");

        // Data protection finds its decryption certificates only among those given here (or in the OS store, which
        // Linux does not have), so the file is read now. One that cannot be read is left out here and reported by
        // DashboardOptionsValidator when the host starts, as one line naming the setting.
        var certificate = dashboard[nameof(DashboardOptions.KeyCertificatePath)] is { Length: > 0 } path
            && DashboardKeyFolder.CertificateProblem(path, dashboard[nameof(DashboardOptions.KeyCertificatePassword)]) is null
            ? X509CertificateLoader.LoadPkcs12FromFile(path, dashboard[nameof(DashboardOptions.KeyCertificatePassword)])
            : null;
        if (certificate is not null)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }
        else
        {
            // Without a certificate the keys are stored as they are, a decision made here (the folder is owner-only, and
            // DashboardKeyFolder says so once at start) rather than a warning on every new key: the null encryptor built
            // without services has no logger, and unlike an unset encryptor it does not make data protection warn
            // "No XML encryptor configured".
            services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new NullXmlEncryptor());
        }

        services.AddSingleton(sp => new DashboardKeyFolder(
            DashboardHosting.KeysFolder(sp.GetRequiredService<IOptions<DashboardOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value),
            certificate?.Thumbprint,
            sp.GetRequiredService<ILogger<DashboardKeyFolder>>()));
        services.AddHostedService(sp => sp.GetRequiredService<DashboardKeyFolder>());
        services.AddOptions<KeyManagementOptions>()
            .Configure<DashboardKeyFolder, ILoggerFactory>((o, folder, logs) => o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder.Path), logs));
    }

    /// <summary>
    /// Leaves the key ring, and everything that reads it, to the first form. Call it after everything that adds data
    /// protection: <c>AddAntiforgery</c> adds it (and its hosted service) again.
    /// </summary>
    public static void DeferKeyRing(this IServiceCollection services)
    {
        // Data protection's own hosted service builds the key ring at start so the first request is quicker; for a
        // dashboard most bots rarely open, the memory matters more than a few ms on the first page.
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            services.Remove(hosted);
        }

        DeferredAntiforgery.Defer(services);
    }
}
