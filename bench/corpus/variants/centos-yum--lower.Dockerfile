from centos:7
run yum -y update && yum -y install epel-release
run yum install -y nginx-1.20.1 && yum clean all && rm -rf /var/cache/yum
run useradd -u 200000 worker
user worker
cmd nginx -g 'daemon off;'
