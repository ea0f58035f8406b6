from ubuntu:22.04
env DEBIAN_FRONTEND noninteractive
run apt-get update && apt-get install -y python3 python3-pip curl wget git
run pip3 install requests flask==3.0.3 "pandas>=2"
run curl -sSL https://install.example.com/tool.sh | bash
run wget https://example.com/data/archive.tar.gz && tar -xzf archive.tar.gz -C /opt
add https://example.com/config/settings.ini /etc/app/settings.ini
add scripts.tar.gz /opt/scripts/
copy entrypoint.sh /entrypoint.sh
run chmod +x /entrypoint.sh
env API_KEY=changeme
entrypoint /entrypoint.sh
