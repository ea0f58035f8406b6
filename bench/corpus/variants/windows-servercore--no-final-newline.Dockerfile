# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Invoke-WebRequest -Uri https://example.com/tool.zip -OutFile C:\tool.zip ; `
    Expand-Archive C:\tool.zip -DestinationPath C:\tool ; `
    Remove-Item C:\tool.zip -Force
RUN setx /M PATH $($Env:PATH + ';C:\tool\bin')
COPY config\ C:\config\
CMD ["C:\\tool\\bin\\tool.exe", "--config", "C:\\config\\tool.toml"]