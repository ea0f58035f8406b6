from ubuntu
maintainer someone@example.com
run apt-get update && apt-get upgrade -y
run apt install -y curl sudo vim
run sudo useradd -m dev
env PATH /opt/bin:$PATH
arg DB_PASSWORD=hunter2
copy id_rsa /root/.ssh/id_rsa
run cd /opt && curl -L https://example.com/install | sh
run ln -sf /bin/bash /bin/sh
expose 22 80 65536
user root
cmd service ssh start && tail -f /dev/null
cmd ["bash"]
