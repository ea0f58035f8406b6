from fedora:41
run dnf install -y httpd mod_ssl && dnf clean all
run dnf -y install python3-pip
run yum install -y jq
expose 80 443
cmd ["/usr/sbin/httpd", "-DFOREGROUND"]
