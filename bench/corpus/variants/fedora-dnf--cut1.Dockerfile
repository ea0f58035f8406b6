FROM fedora:41
RUN dnf install -y httpd mod_ssl && dnf clean all
RUN dnf -y