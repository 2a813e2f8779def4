namespace LymphBot.Dashboard;

/// <summary>The delivery health of one platform: the last 24 hours, the last 7 days, and the outbox now.</summary>
public sealed record PlatformDeliveryHealth(string Platform, DeliveryWindow LastDay, DeliveryWindow LastWeek, DeliveryBacklog Backlog);
