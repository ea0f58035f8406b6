arg RUBY_VERSION=3.3.6
from ruby:$RUBY_VERSION-slim AS base
workdir /rails
env RAILS_ENV="production" \
    BUNDLE_DEPLOYMENT="1" \
    BUNDLE_PATH="/usr/local/bundle"

from base AS build
run apt-get update -qq && \
    apt-get install --no-install-recommends -y build-essential git libpq-dev node-gyp pkg-config python-is-python3 && \
    rm -rf /var/lib/apt/lists /var/cache/apt/archives
run gem install bundler
copy Gemfile Gemfile.lock ./
run bundle install && \
    rm -rf ~/.bundle/ "${BUNDLE_PATH}"/ruby/*/cache
copy package.json yarn.lock ./
run yarn install --frozen-lockfile
copy . .
run SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile

from base
copy --from=build "${BUNDLE_PATH}" "${BUNDLE_PATH}"
copy --from=build /rails /rails
run groupadd --system --gid 1000 rails && \
    useradd rails --uid 1000 --gid 1000 --create-home --shell /bin/bash && \
    chown -R rails:rails db log storage tmp
user 1000:1000
entrypoint ["/rails/bin/docker-entrypoint"]
expose 3000
cmd ["./bin/rails", "server"]
