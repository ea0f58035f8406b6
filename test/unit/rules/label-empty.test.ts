import rule from '../../../server/src/engine/rules/label-empty';
import { testRule } from '../../support/rule-tester';

const settings = { labelSchema: { title: 'text', source: 'url' } };

testRule(rule, {
  valid: [
    { code: 'FROM debian:12-slim\nLABEL title=api other=""\n', settings },
    { name: 'inactive without a schema', code: 'FROM debian:12-slim\nLABEL title=""\n' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nLABEL title="" source=\'\'\n', settings, errors: [{ at: '2:7-2:12', messageId: 'emptyLabel', data: { key: 'title' }, message: /`title` is empty/ }, { at: '2:16-2:22', messageId: 'emptyLabel', data: { key: 'source' } }] },
  ],
});
