FROM centos:7
RUN yum -y update && yum -y install epel-release
RUN yum install -y nginx-1.20.1 && yum clean all && rm -rf /var/cache/yum
RUN useradd -u 200000 worker
USER worker
CMD nginx -g 'daemon off;'
