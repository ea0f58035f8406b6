FROM fedora:41
RUN dnf install -y httpd mod_ssl && dnf clean all
RUN dnf -y install python3-pip
RUN yum install -y jq
EXPOSE 80 443
CMD ["/usr/sbin/httpd", "-DFOREGROUND"]
