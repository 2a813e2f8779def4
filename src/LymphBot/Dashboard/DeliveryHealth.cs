namespace LymphBot.Dashboard;

/// <summary>What the delivery health page shows, as of <see cref="Now"/>.</summary>
public sealed record DeliveryHealth(DateTimeOffset Now, IReadOnlyList<PlatformDeliveryHealth> Platforms, SubscriptionHeatMap Subscriptions);
