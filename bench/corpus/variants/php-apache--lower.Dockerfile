from php:8.3-apache-bookworm

# Extensions the application needs.
run set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
        libfreetype6-dev \
        libjpeg62-turbo-dev \
        libpng-dev \
        libzip-dev \
    ; \
    docker-php-ext-configure gd --with-freetype --with-jpeg; \
    docker-php-ext-install -j"$(nproc)" gd mysqli opcache zip; \
    rm -rf /var/lib/apt/lists/*

run a2enmod rewrite headers
copy --from=composer:2 /usr/bin/composer /usr/bin/composer
workdir /var/www/html
copy composer.json composer.lock ./
run composer install --no-dev --no-scripts --prefer-dist
copy . .
run chown -R www-data:www-data /var/www/html
user www-data
