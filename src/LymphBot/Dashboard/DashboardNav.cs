using System.Text;

namespace LymphBot.Dashboard;

/// <summary>The links between the dashboard's pages; a page for operators only is listed for operators only.</summary>
public static class DashboardNav
{
    private static readonly (string Path, string Label, bool OperatorsOnly)[] Pages =
    [
        ("/dashboard", "Overview", false),
        (GapsEndpoints.Path, "Knowledge gaps", false),
        (TipsEndpoints.Path, "Tips", false),
        (AuditEndpoints.Path, "Audit log", false),
        (DeliveryHealthPage.Path, "Delivery health", true),
    ];

    public static string Render(DashboardSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sb = new StringBuilder("<nav>");
        foreach (var (path, label, operatorsOnly) in Pages.Where(p => !p.OperatorsOnly || session.Scope.AllChats))
        {
            sb.Append("<a href=\"").Append(path).Append("\">").Append(label).Append("</a>");
        }

        return sb.Append("</nav>").ToString();
    }
}
