import rule from '../../../server/src/engine/rules/gem-unpinned-package';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n',
    'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.22\n',
    'FROM ruby:3.3-slim\nRUN gem install --version=2.5.22 bundler\n',
    'FROM ruby:3.3-slim\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries\n',
    'FROM ruby:3.3-slim\nRUN gem update --system\n',
  ],
  invalid: [
    {
      name: 'a boolean option does not hide the gem',
      code: 'FROM ruby:3.3-slim\nRUN gem install --no-document bundler\n',
      errors: [{ at: '2:31-2:38', messageId: 'unpinned', message: /`bundler`/ }],
    },
    {
      name: 'i, an install-dir value, and ONBUILD',
      code: 'FROM ruby:3.3-slim\nRUN gem i -i /opt/gems rake\nONBUILD RUN gem install rails\n',
      errors: [{ at: '2:24-2:28', messageId: 'unpinned' }, { at: '3:25-3:30', messageId: 'unpinned' }],
    },
  ],
});
