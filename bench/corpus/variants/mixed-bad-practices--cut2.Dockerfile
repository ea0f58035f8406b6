from ubuntu
maintainer someone@example.com
run apt-get update && apt-get upgrade -y
run apt install -y curl sudo vim
run sudo useradd -m dev
ENV PATH /opt/bin:$PATH
ARG DB_PASSWORD=hunter2
COPY id_rsa /root/.ssh/