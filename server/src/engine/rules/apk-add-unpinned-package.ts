import { defineRule } from '../rule';
import { PACKAGE_MANAGERS, PIN_MESSAGES } from '../model/package-managers';
import { unpinnedInstallHandlers } from './support';
import { PINNING_TRADE_OFF } from './apt-get-unpinned-package';

const APK = PACKAGE_MANAGERS.apk;

export default defineRule({
  meta: {
    id: 'apk-add-unpinned-package',
    aliases: { hadolint: 'DL3018' },
    counterparts: {
      kics: ['Unpinned Package Version in Apk Add'],
    },
    category: 'reproducibility',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      unpinned: 'Pin {packages}',
      ...PIN_MESSAGES,
    },
    docs: {
      summary: '`apk add` of a package without a version',
      why: `Without a version, \`apk add curl\` installs whatever the repository offers on the day of the build, so rebuilds can differ. Pin with \`package=version\` (exact) or \`package~version\` (that release series, e.g. \`curl~8.9\`, which survives patch updates). Each \`apk add\` gets one finding that names its unpinned packages; build dependencies deleted again in the same RUN (\`apk add --virtual .build-deps …\` then \`apk del .build-deps\`) never ship and are not reported, nor are globs. ${PINNING_TRADE_OFF}`,
      examples: [
        { bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', good: 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.12\n' },
      ],
      references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper#Holding_a_specific_package_back'],
    },
  },
  create(ctx) { return unpinnedInstallHandlers(ctx, APK); },
});
