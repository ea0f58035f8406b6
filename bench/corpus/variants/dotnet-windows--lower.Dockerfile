# escape=`
from mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022 AS build
shell ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
workdir C:\src
copy *.sln .
copy Api\*.csproj .\Api\
run dotnet restore
copy . .
run dotnet publish Api\Api.csproj `
        -c Release `
        -o C:\app `
        --no-restore

from mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
workdir C:\app
copy --from=build C:\app .
env ASPNETCORE_URLS=http://+:8080
expose 8080
user ContainerUser
entrypoint ["dotnet", "Api.dll"]
