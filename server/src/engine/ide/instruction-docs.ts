// One-line explanations of Dockerfile instructions, for the keyword hover (shown only when no Docker extension
// provides its own) and keyword completion.
import { defineStrings, localize } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';

export const INSTRUCTION_DOCS = defineStrings({
  'keyword.FROM': 'Starts a build stage from a base image: `FROM [--platform=…] image[:tag|@digest] [AS name]`.',
  'keyword.RUN': 'Runs a command in a new layer: shell form `RUN cmd` or exec form `RUN ["cmd", "arg"]`; `--mount` gives it caches, secrets or bind mounts.',
  'keyword.CMD': 'The default command (or default arguments for ENTRYPOINT) when the container starts. Only the last CMD of a stage counts.',
  'keyword.LABEL': 'Adds metadata to the image as `key="value"` pairs, such as the OCI `org.opencontainers.image.*` labels.',
  'keyword.MAINTAINER': 'Deprecated: sets the author field. Use `LABEL org.opencontainers.image.authors="…"`.',
  'keyword.EXPOSE': 'Documents the ports the container listens on (`80`, `53/udp`); it publishes nothing by itself.',
  'keyword.ENV': 'Sets environment variables as `key=value`; they persist in the image and in containers started from it.',
  'keyword.ADD': 'Copies files, extracting local archives and downloading URLs. Prefer COPY for plain files.',
  'keyword.COPY': 'Copies files from the build context or another stage (`--from`) into the image; `--chown`, `--chmod`, `--link`.',
  'keyword.ENTRYPOINT': 'The executable the container runs; CMD becomes its arguments when both are in exec form.',
  'keyword.VOLUME': 'Declares mount points for volumes; later changes to those paths in the Dockerfile are discarded.',
  'keyword.USER': 'Sets the user (and group) for the following RUN, CMD and ENTRYPOINT instructions.',
  'keyword.WORKDIR': 'Sets the working directory for the following instructions, creating it when needed.',
  'keyword.ARG': 'Declares a build-time variable (`--build-arg`), with an optional default; before the first FROM it can parameterise FROM.',
  'keyword.ONBUILD': 'Registers an instruction to run when another build uses this image as its base.',
  'keyword.STOPSIGNAL': 'The signal `docker stop` sends to the container\'s main process.',
  'keyword.HEALTHCHECK': 'How Docker checks that the container still works: `HEALTHCHECK [--interval=…] CMD …` or `HEALTHCHECK NONE`.',
  'keyword.SHELL': 'The shell used by shell-form RUN, CMD and ENTRYPOINT, as a JSON array such as `["/bin/bash", "-o", "pipefail", "-c"]`.',
});

/** The keyword hover's line for `keyword` in `locale`; undefined for a keyword it does not explain. */
export function keywordHover(keyword: string, locale: Locale): string | undefined {
  const id = `keyword.${keyword}`;
  return id in INSTRUCTION_DOCS ? localize(INSTRUCTION_DOCS, id as keyof typeof INSTRUCTION_DOCS, locale) : undefined;
}
