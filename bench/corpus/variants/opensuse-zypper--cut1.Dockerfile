FROM opensuse/leap:15.6
RUN zypper refresh && zypper install -y curl git-core