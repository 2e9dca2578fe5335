namespace WellbeingBot.Tests;

/// <summary>Files of the repository itself (SECURITY.md, the Dockerfile), found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WellbeingBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
