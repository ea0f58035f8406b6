# escape=`
from mcr.microsoft.com/windows/servercore:ltsc2022
shell ["powershell", "-Command"]
run Invoke-WebRequest -Uri https://example.com/tool.zip -OutFile C:\tool.zip ; `
    Expand-Archive C:\tool.zip -DestinationPath C:\tool ; `
    Remove-Item C:\tool.zip -Force
run setx /M PATH $($Env:PATH + ';C:\tool\bin')
copy config\ C:\config\
cmd ["C:\\tool\\bin\\tool.exe", "--config", "C:\\config\\tool.toml"]
