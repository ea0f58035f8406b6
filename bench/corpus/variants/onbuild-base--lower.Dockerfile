from python:3.11-slim
label org.opencontainers.image.title="python onbuild base" \
      org.opencontainers.image.version="2.4.0" \
      org.opencontainers.image.licenses="Apache-2.0"
workdir /usr/src/app
onbuild COPY requirements.txt /usr/src/app/
onbuild RUN pip install -r requirements.txt
onbuild COPY . /usr/src/app
onbuild RUN apt-get update && apt-get install -y gcc
cmd ["python", "app.py"]
