FROM python:3.11-slim
LABEL org.opencontainers.image.title="python onbuild base" \
      org.opencontainers.image.version="2.4.0" \
      org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /usr/src/app
ONBUILD COPY requirements.txt /usr/src/app/
ONBUILD RUN pip install -r requirements.txt
ONBUILD COPY . /usr/src/app
ONBUILD RUN apt-get update && apt-get install -y gcc
CMD ["python", "app.py"]
