# escape=`
FROM mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022 AS build
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
WORKDIR C:\src
COPY *.sln .
COPY Api\*.csproj .\Api\
RUN dotnet restore
COPY . .
RUN dotnet publish Api\Api.csproj `
        -c Release `
        -o C:\app `
        --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
WORKDIR C:\app
COPY --from=build C:\app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USE