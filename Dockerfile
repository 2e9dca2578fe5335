# syntax=docker/dockerfile:1
# WellbeingBot as a container: build with the SDK (and Node for the web chat bundle), run on the ASP.NET runtime as a
# non-root user, with the SQLite file and curation counts in a volume. Build: docker build -t wellbeingbot .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props global.json BannedSymbols.txt ./
COPY src/WellbeingBot/WellbeingBot.csproj src/WellbeingBot/
RUN dotnet restore src/WellbeingBot/WellbeingBot.csproj
COPY knowledge/ knowledge/
COPY src/WellbeingBot/ src/WellbeingBot/
RUN dotnet publish src/WellbeingBot/WellbeingBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's own unprivileged user owns only the data folder.
RUN mkdir -p /data && chown app:app /data
USER app
ENV Urls=http://+:8080 \
    Storage__DataFolder=/data \
    Knowledge__CurationFolder=/data/curation \
    ASPNETCORE_ENVIRONMENT=Production
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "WellbeingBot.dll"]
