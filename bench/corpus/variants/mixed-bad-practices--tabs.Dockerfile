from	ubuntu
maintainer	someone@example.com
run	apt-get update && apt-get upgrade -y
run	apt install -y curl sudo vim
run	sudo useradd -m dev
ENV	PATH /opt/bin:$PATH
ARG	DB_PASSWORD=hunter2
COPY	id_rsa /root/.ssh/id_rsa
RUN	cd /opt && curl -L https://example.com/install | sh
RUN	ln -sf /bin/bash /bin/sh
EXPOSE	22 80 65536
USER	root
CMD	service ssh start && tail -f /dev/null
CMD	["bash"]
