from node:20-alpine as build
workdir /app
copy package*.json ./
run npm install
copy . ./
run npm run build

from nginx:alpine
run apk update && apk add curl
copy nginx.conf /etc/nginx/conf.d/default.conf
copy --from=build /app/dist /usr/share/nginx/html
expose 80
healthcheck --interval=10s CMD curl -fs http://localhost/ || exit 1
cmd ["nginx", "-g", "daemon off;"]
