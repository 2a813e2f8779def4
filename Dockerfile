# syntax=docker/dockerfile:1
# Build stage: restore, test and publish with the SDK. The publish command is the same one .ci/run runs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json LymphBot.sln Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig appsettings.json ./
COPY src/ src/
COPY tests/ tests/
COPY knowledge/ knowledge/
RUN dotnet restore LymphBot.sln
RUN dotnet test LymphBot.sln --no-restore
RUN dotnet publish src/LymphBot -c Release -o /app/publish --no-restore

# Runtime stage: the ASP.NET Core runtime (Kestrel serves health, metrics and the Telegram webhook), as non-root.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
RUN mkdir -p /app/data && chown app:app /app/data
USER app
ENV DOTNET_ENVIRONMENT=Production \
    Http__Urls=http://0.0.0.0:8080
EXPOSE 8080
VOLUME /app/data
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["dotnet", "LymphBot.dll", "probe", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "LymphBot.dll"]
