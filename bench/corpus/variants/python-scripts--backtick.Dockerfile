# escape=`
FROM ubuntu:22.04
ENV DEBIAN_FRONTEND noninteractive
RUN apt-get update && apt-get install -y python3 python3-pip curl wget git
RUN pip3 install requests flask==3.0.3 "pandas>=2"
RUN curl -sSL https://install.example.com/tool.sh | bash
RUN wget https://example.com/data/archive.tar.gz && tar -xzf archive.tar.gz -C /opt
ADD https://example.com/config/settings.ini /etc/app/settings.ini
ADD scripts.tar.gz /opt/scripts/
COPY entrypoint.sh /entrypoint.sh
RUN chmod +x /entrypoint.sh
ENV API_KEY=changeme
ENTRYPOINT /entrypoint.sh
