// The ENV names official images set in their image config, so that a Dockerfile can use them (`$JAVA_HOME`)
// without defining them. Read from the images' Dockerfiles at the source given (every ENV of every current
// variant, and names older variants still in use set); an image that is built FROM another one lists it in
// `from`. Recorded 2026-12-01.

export interface ImageEnv { env: string[]; from?: string; source: string }

const JAVA = ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'];

export const BASE_IMAGE_ENV: Readonly<Record<string, ImageEnv>> = {
  // Distribution images set nothing beyond PATH (which every image has).
  alpine: { env: [], source: 'https://github.com/alpinelinux/docker-alpine' },
  busybox: { env: [], source: 'https://github.com/docker-library/busybox' },
  debian: { env: [], source: 'https://github.com/debuerreotype/docker-debian-artifacts' },
  ubuntu: { env: [], source: 'https://git.launchpad.net/cloud-images/+oci/ubuntu-base' },
  node: { env: ['NODE_VERSION', 'YARN_VERSION'], source: 'https://github.com/nodejs/docker-node' },
  python: { env: ['GPG_KEY', 'LANG', 'PYTHONIOENCODING', 'PYTHON_SHA256', 'PYTHON_VERSION', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'], source: 'https://github.com/docker-library/python' },
  golang: { env: ['GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN'], source: 'https://github.com/docker-library/golang' },
  rust: { env: ['CARGO_HOME', 'RUSTUP_HOME', 'RUST_VERSION'], source: 'https://github.com/rust-lang/docker-rust' },
  ruby: { env: ['BUNDLE_APP_CONFIG', 'BUNDLE_SILENCE_ROOT_WARNING', 'GEM_HOME', 'LANG', 'RUBY_DOWNLOAD_SHA256', 'RUBY_DOWNLOAD_URL', 'RUBY_MAJOR', 'RUBY_VERSION'], source: 'https://github.com/docker-library/ruby' },
  php: { env: ['APACHE_CONFDIR', 'APACHE_ENVVARS', 'GPG_KEYS', 'PHPIZE_DEPS', 'PHP_ASC_URL', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_INI_DIR', 'PHP_LDFLAGS', 'PHP_SHA256', 'PHP_URL', 'PHP_VERSION'], source: 'https://github.com/docker-library/php' },
  'eclipse-temurin': { env: JAVA, source: 'https://github.com/adoptium/containers' },
  openjdk: { env: JAVA, source: 'https://github.com/docker-library/openjdk' },
  maven: { env: ['MAVEN_CONFIG', 'MAVEN_HOME'], from: 'eclipse-temurin', source: 'https://github.com/carlossg/docker-maven' },
  tomcat: { env: ['CATALINA_HOME', 'LD_LIBRARY_PATH', 'TOMCAT_MAJOR', 'TOMCAT_NATIVE_LIBDIR', 'TOMCAT_SHA512', 'TOMCAT_VERSION'], from: 'eclipse-temurin', source: 'https://github.com/docker-library/tomcat' },
  nginx: { env: ['DYNPKG_RELEASE', 'NGINX_VERSION', 'NJS_RELEASE', 'NJS_VERSION', 'OTEL_VERSION', 'PKG_RELEASE'], source: 'https://github.com/nginxinc/docker-nginx' },
  httpd: { env: ['HTTPD_PATCHES', 'HTTPD_PREFIX', 'HTTPD_SHA256', 'HTTPD_VERSION'], source: 'https://github.com/docker-library/httpd' },
  postgres: { env: ['DOCKER_PG_LLVM_DEPS', 'GOSU_VERSION', 'LANG', 'PGDATA', 'PG_MAJOR', 'PG_SHA256', 'PG_VERSION'], source: 'https://github.com/docker-library/postgres' },
  redis: { env: ['GOSU_VERSION', 'REDIS_DOWNLOAD_SHA', 'REDIS_DOWNLOAD_URL', 'REDIS_VERSION'], source: 'https://github.com/docker-library/redis' },
};

/** Every ENV name the official image sets, or undefined when the engine does not know the image. */
export function officialImageEnv(name: string): Set<string> | undefined {
  const names = new Set<string>(['PATH']);
  let entry: ImageEnv | undefined = BASE_IMAGE_ENV[name];
  if (!entry) return undefined;
  for (let depth = 0; entry && depth < 4; depth++) {
    for (const n of entry.env) names.add(n);
    entry = entry.from ? BASE_IMAGE_ENV[entry.from] : undefined;
  }
  return names;
}
