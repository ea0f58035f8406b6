FROM node:latest
MAINTAINER Platform Team <platform@example.com>

RUN apt-get update
RUN apt-get install -y python3 make g++
RUN npm install -g yarn@1.22.22 pm2

WORKDIR /usr/src/app
COPY . .
RUN yarn install
RUN cd client && yarn install && yarn build
