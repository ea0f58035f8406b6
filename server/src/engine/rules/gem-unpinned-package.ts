import { defineRule } from '../rule';
import { PACKAGE_MANAGERS, PIN_MESSAGES } from '../model/package-managers';
import { unpinnedInstallHandlers } from './support';

const GEM = PACKAGE_MANAGERS.gem;

export default defineRule({
  meta: {
    id: 'gem-unpinned-package',
    aliases: { hadolint: 'DL3028' },
    counterparts: {
      kics: ['Gem Install Without Version'],
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
      summary: '`gem install` without a version',
      why: 'Without a version, `gem install bundler` installs the newest release on the day of the build, so rebuilds can differ and a new major version can break the image. Pin with `gem install bundler:2.5.22` or `-v 2.5.22`, or install from a Gemfile.lock with `bundle install`.',
      examples: [
        { bad: 'FROM ruby:3.3-slim\nRUN gem install --no-document bundler\n', good: 'FROM ruby:3.3-slim\nRUN gem install --no-document bundler:2.5.22\n' },
      ],
      references: ['https://guides.rubygems.org/command-reference/#gem-install'],
    },
  },
  create(ctx) { return unpinnedInstallHandlers(ctx, GEM); },
});
