from node:latest
maintainer Platform Team <platform@example.com>

run apt-get update
run apt-get install -y python3 make g++
run npm install -g yarn@1.22.22 pm2

workdir /usr/src/app
copy . .
run yarn install
run cd client && yarn install && yarn build

env NODE_ENV production
env PORT 3000
expose 3000
cmd pm2-runtime start ecosystem.config.js
