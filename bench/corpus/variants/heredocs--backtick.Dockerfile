# syntax=docker/dockerfile:1.7
# escape=`
FROM debian:12-slim
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl
rm -rf /var/lib/apt/lists/*
EOF
COPY <<EOF /etc/app/app.conf
listen = 0.0.0.0:8080
log_level = info
EOF
RUN <<-SCRIPT bash
	set -o pipefail
	curl -fsSL https://example.com/releases/latest | grep -o 'v[0-9.]*' | head -n1 > /VERSION
	SCRIPT
RUN cat <<EOT > /usr/local/bin/start && chmod +x /usr/local/bin/start
#!/bin/sh
exec /usr/local/bin/app --port "\${PORT:-8080}"
EOT
RUN python3 <<PY
print("hello from a python heredoc")
PY
RUN <<A <<B
echo first
A
echo second
B
USER 65534
CMD ["/usr/local/bin/start"]
