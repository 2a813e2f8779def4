using System.Globalization;
using LymphBot.Testing.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace LymphBot.Tests.Dashboard;

/// <summary>
/// A real headless Chromium driven over WebDriver: Debian's <c>chromium</c> through its own <c>chromedriver</c>
/// (<c>chromium-driver</c>, built from the same source, so their versions always match). Both paths are given to
/// Selenium, so its Selenium Manager never runs and nothing is downloaded. Each instance is its own browser with a
/// fresh profile: cookies, and whether JavaScript runs, are its own.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    /// <summary>Long enough for a page of the dashboard on a loaded 2-core machine; waits end as soon as the page is there.</summary>
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(30);

    /// <summary>What chromedriver says, as an unknown error rather than a stale element, about an element of a page just replaced.</summary>
    private const string NodeLeftThePage = "does not belong to the document";

    private readonly ChromeDriver _driver;

    private HeadlessChromium(ChromeDriver driver, string downloads)
    {
        _driver = driver;
        Downloads = downloads;
    }

    public static string BrowserPath => Environment.GetEnvironmentVariable("LYMPHBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string DriverPath => Environment.GetEnvironmentVariable("LYMPHBOT_CHROMEDRIVER") is { Length: > 0 } path ? path : "/usr/bin/chromedriver";

    /// <summary>The folder files the browser downloads land in.</summary>
    public string Downloads { get; }

    public IWebDriver Driver => _driver;

    /// <summary>Skips the test without a Chromium and its driver; under CI a missing browser fails it.</summary>
    public static void Require() =>
        TestEnvironment.Require(
            File.Exists(BrowserPath) && File.Exists(DriverPath),
            $"no headless Chromium: {BrowserPath} or {DriverPath} is missing (Debian packages chromium and chromium-driver; .ci/run installs them)");

    /// <summary>Starts a browser (after <see cref="Require"/>); with <paramref name="javaScript"/> false no page script runs.</summary>
    public static HeadlessChromium Start(string downloads, bool javaScript = true)
    {
        Require();
        Directory.CreateDirectory(downloads);
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--force-device-scale-factor=1",
            "--window-size=1024,800",
            "--lang=en-US");
        options.AddUserProfilePreference("download.default_directory", downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        if (!javaScript)
        {
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var driver = new ChromeDriver(service, options, PageTimeout);
        driver.Manage().Timeouts().PageLoad = PageTimeout;
        return new HeadlessChromium(driver, downloads);
    }

    public void GoTo(Uri url) => _driver.Navigate().GoToUrl(url);

    /// <summary>Waits (polling, up to <see cref="PageTimeout"/>) until <paramref name="css"/> matches an element, and returns it.</summary>
    public IWebElement WaitFor(string css) => WaitFor(css, _ => true);

    /// <summary>Waits until an element matching <paramref name="css"/> satisfies <paramref name="condition"/>.</summary>
    public IWebElement WaitFor(string css, Func<IWebElement, bool> condition) =>
        Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => condition(e)), $"an element '{css}' as expected");

    /// <summary>Waits until the page's heading is <paramref name="title"/>: the page a click or a link led to has loaded.</summary>
    public void WaitForPage(string title) => WaitFor("h1", h => h.Text == "LymphBot · " + title);

    /// <summary>Waits until a file the browser downloads is complete in <see cref="Downloads"/>, and returns its path.</summary>
    public string WaitForDownload(string pattern) =>
        Until(_ => Directory.GetFiles(Downloads, pattern).FirstOrDefault(f => !f.EndsWith(".crdownload", StringComparison.Ordinal)), $"a download {pattern} in {Downloads}");

    /// <summary>What a script would see, to prove whether scripts run: a tiny page that rewrites its own text if they do.</summary>
    public string ScriptProbe()
    {
        _driver.Navigate().GoToUrl("data:text/html,<p id=probe>scripts off</p><script>document.getElementById('probe').textContent='scripts on'</script>");
        return WaitFor("#probe").Text;
    }

    /// <summary>Saves the whole page (not just the window) as a PNG and returns its path.</summary>
    public string SaveScreenshot(string folder, string name)
    {
        Directory.CreateDirectory(folder);

        // Selenium's own screenshot stops at the window; DevTools captures the page's full size.
        var metrics = (Dictionary<string, object>)_driver.ExecuteCdpCommand("Page.getLayoutMetrics", [])!;
        var content = (Dictionary<string, object>)metrics["cssContentSize"];
        var clip = new Dictionary<string, object>
        {
            ["x"] = 0,
            ["y"] = 0,
            ["width"] = Convert.ToDouble(content["width"], CultureInfo.InvariantCulture),
            ["height"] = Convert.ToDouble(content["height"], CultureInfo.InvariantCulture),
            ["scale"] = 1,
        };
        var shot = (Dictionary<string, object>)_driver.ExecuteCdpCommand("Page.captureScreenshot", new() { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip })!;
        var path = Path.Combine(folder, name + ".png");
        File.WriteAllBytes(path, Convert.FromBase64String((string)shot["data"]));
        return path;
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
    }

    private T Until<T>(Func<IWebDriver, T?> condition, string what)
        where T : class
    {
        var wait = new WebDriverWait(_driver, PageTimeout) { Message = $"waited {PageTimeout.TotalSeconds:0} s for {what}", PollingInterval = TimeSpan.FromMilliseconds(50) };
        return wait.Until(d =>
        {
            try
            {
                return condition(d);
            }
            catch (WebDriverException e) when (e is StaleElementReferenceException || e.Message.Contains(NodeLeftThePage, StringComparison.Ordinal))
            {
                // An element found on the page being left, read as the next one loads: look again on the new page.
                return null;
            }
        });
    }
}
