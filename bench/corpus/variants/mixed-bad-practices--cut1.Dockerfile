from ubuntu
maintainer someone@example.com
run apt-get update && apt-get upgrade -y
run apt insta