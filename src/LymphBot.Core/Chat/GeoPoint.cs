namespace LymphBot.Core.Chat;

/// <summary>A point on the earth in degrees (WGS 84), as platforms send a shared location.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Inside the range of latitudes and longitudes: anything else is not a place.</summary>
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
