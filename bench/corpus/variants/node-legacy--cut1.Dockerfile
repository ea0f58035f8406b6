FROM node:latest
MAINTAINER Platform Team <platform@example.com>

RUN apt-get update
RUN apt-get install -y python3 make g++
RUN npm install -g yarn@1.22.22 pm2

WO