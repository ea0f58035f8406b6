import rule from '../../../server/src/engine/rules/label-invalid-spdx';
import { testRule } from '../../support/rule-tester';

const settings = { labelSchema: { license: 'spdx' } };

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nLABEL license=MIT\n', settings },
    { name: 'expressions and LicenseRef', code: 'FROM debian:12-slim\nLABEL license="(MIT OR Apache-2.0) AND LicenseRef-acme"\n', settings },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nLABEL license="Apache 2"\n', settings, errors: [{ at: '2:16-2:24', messageId: 'invalidLabel', message: /SPDX/ }] },
    { name: 'an unknown identifier', code: 'FROM debian:12-slim\nLABEL license=MIT-9\n', settings, errors: [{ at: '2:15-2:20', messageId: 'invalidLabel' }] },
  ],
});
