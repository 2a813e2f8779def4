using System.Security.Cryptography;
using System.Text;

namespace LymphBot.Dashboard;

/// <summary>Random tokens for links and sessions, and the hashes under which they are stored.</summary>
public static class DashboardTokens
{
    /// <summary>256 random bits, URL-safe base64 (43 characters).</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// SHA-256, hex. The tokens are random, so a plain hash suffices (no salt or stretching): nothing to guess, and the
    /// database alone cannot sign anyone in.
    /// </summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Only what <see cref="New"/> makes is looked up, so junk from a forged link never reaches the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
