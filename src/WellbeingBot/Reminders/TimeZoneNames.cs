namespace WellbeingBot.Reminders;

/// <summary>A time zone from what a person types: an IANA id ("Europe/Paris"), or a large city or common name ("Sydney", "UTC").</summary>
public static class TimeZoneNames
{
    private static readonly Dictionary<string, string> Cities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utc"] = "Etc/UTC", ["gmt"] = "Etc/UTC",
        ["london"] = "Europe/London", ["uk"] = "Europe/London", ["edinburgh"] = "Europe/London", ["manchester"] = "Europe/London",
        ["dublin"] = "Europe/Dublin", ["ireland"] = "Europe/Dublin",
        ["paris"] = "Europe/Paris", ["berlin"] = "Europe/Berlin", ["madrid"] = "Europe/Madrid", ["rome"] = "Europe/Rome",
        ["amsterdam"] = "Europe/Amsterdam", ["brussels"] = "Europe/Brussels", ["zurich"] = "Europe/Zurich", ["vienna"] = "Europe/Vienna",
        ["stockholm"] = "Europe/Stockholm", ["oslo"] = "Europe/Oslo", ["copenhagen"] = "Europe/Copenhagen", ["helsinki"] = "Europe/Helsinki",
        ["lisbon"] = "Europe/Lisbon", ["warsaw"] = "Europe/Warsaw", ["athens"] = "Europe/Athens",
        ["new york"] = "America/New_York", ["boston"] = "America/New_York", ["washington"] = "America/New_York", ["miami"] = "America/New_York",
        ["eastern"] = "America/New_York", ["toronto"] = "America/Toronto", ["montreal"] = "America/Toronto",
        ["chicago"] = "America/Chicago", ["central"] = "America/Chicago", ["houston"] = "America/Chicago", ["dallas"] = "America/Chicago",
        ["denver"] = "America/Denver", ["mountain"] = "America/Denver", ["phoenix"] = "America/Phoenix", ["arizona"] = "America/Phoenix",
        ["los angeles"] = "America/Los_Angeles", ["san francisco"] = "America/Los_Angeles", ["seattle"] = "America/Los_Angeles",
        ["pacific"] = "America/Los_Angeles", ["vancouver"] = "America/Vancouver",
        ["mexico city"] = "America/Mexico_City", ["sao paulo"] = "America/Sao_Paulo", ["buenos aires"] = "America/Argentina/Buenos_Aires",
        ["sydney"] = "Australia/Sydney", ["melbourne"] = "Australia/Melbourne", ["canberra"] = "Australia/Sydney",
        ["brisbane"] = "Australia/Brisbane", ["queensland"] = "Australia/Brisbane", ["adelaide"] = "Australia/Adelaide",
        ["perth"] = "Australia/Perth", ["auckland"] = "Pacific/Auckland", ["wellington"] = "Pacific/Auckland", ["new zealand"] = "Pacific/Auckland",
        ["tokyo"] = "Asia/Tokyo", ["japan"] = "Asia/Tokyo", ["singapore"] = "Asia/Singapore", ["hong kong"] = "Asia/Hong_Kong",
        ["india"] = "Asia/Kolkata", ["mumbai"] = "Asia/Kolkata", ["delhi"] = "Asia/Kolkata", ["dubai"] = "Asia/Dubai",
        ["johannesburg"] = "Africa/Johannesburg", ["south africa"] = "Africa/Johannesburg", ["nairobi"] = "Africa/Nairobi", ["lagos"] = "Africa/Lagos",
    };

    public static TimeZoneInfo? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = text.Trim().TrimEnd('.', '!');
        return LocalTimes.Find(Cities.GetValueOrDefault(name) ?? (name.Contains('/', StringComparison.Ordinal) || name.Equals("UTC", StringComparison.OrdinalIgnoreCase) ? name : null));
    }
}
