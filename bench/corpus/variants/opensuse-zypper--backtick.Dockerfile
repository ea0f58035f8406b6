# escape=`
FROM opensuse/leap:15.6
RUN zypper refresh && zypper install -y curl git-core
RUN zypper --non-interactive install --no-recommends python311=3.11.10 && zypper clean -a
CMD ["bash"]
