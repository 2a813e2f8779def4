using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Discord.SlashCommands;
using LymphBot.Discord.Tests.TestSupport;

namespace LymphBot.Discord.Tests.SlashCommands;

public sealed class SlashCommandCatalogTests
{
    [Fact]
    public void Build_KnownUnknownAndModeratorCommands_GetTheirOptionsAndPermissions()
    {
        IChatCommand[] commands = [new Named("ask"), new Named("remind"), new Named("start"), new ModeratorCommand(), new Named("BAD NAME")];

        var built = SlashCommandCatalog.Build(commands, global: true);

        Assert.Equal(["ask", "remind", "start", "tip"], built.Select(c => c.Name));
        var ask = built[0];
        Assert.Equal([("question", true, 3)], ask.Options!.Select(o => (o.Name, o.Required, o.Type)));
        Assert.Equal([("time", true), ("zone", false)], built[1].Options!.Select(o => (o.Name, o.Required)));
        Assert.Equal([("arguments", false)], built[2].Options!.Select(o => (o.Name, o.Required)));
        Assert.Equal(["action", "text"], built[3].Options!.Select(o => o.Name));
        Assert.Equal("8192", built[3].DefaultMemberPermissions);
        Assert.Null(ask.DefaultMemberPermissions);
        Assert.Equal([0, 1], ask.Contexts!);
        Assert.Equal([0], built[3].Contexts!);
        Assert.All(built, c => Assert.InRange(c.Description.Length, 1, SlashCommandCatalog.MaxDescriptionLength));
    }

    [Fact]
    public void Build_GuildScope_LeavesContextsOutAndShortensLongDescriptions()
    {
        var built = SlashCommandCatalog.Build([new Named("faq", new string('d', 150))], global: false);

        Assert.Null(built[0].Contexts);
        Assert.Equal(100, built[0].Description.Length);
    }

    private sealed class Named(string name, string description = "Does a thing") : IChatCommand
    {
        public string Name => name;

        public string Usage => "/" + name;

        public string Description => description;

        public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) => Task.FromResult(new Reply("ok"));
    }
}
