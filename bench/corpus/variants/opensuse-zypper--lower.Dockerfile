from opensuse/leap:15.6
run zypper refresh && zypper install -y curl git-core
run zypper --non-interactive install --no-recommends python311=3.11.10 && zypper clean -a
cmd ["bash"]
