import rule from '../../../server/src/engine/rules/curl-pipe-to-shell';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x -o /tmp/x && sh /tmp/x\n',
    'FROM debian:12-slim\nRUN curl -fsSL https://example.com/key | gpg --dearmor -o /usr/share/keyrings/x.gpg\n',
    { name: 'a shell elsewhere in the RUN, not in the pipe', code: 'FROM debian:12-slim\nRUN curl -s https://x | tee /tmp/y && sh -c "echo ok"\n' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n', errors: [{ at: '2:5-2:51', messageId: 'unverifiedScript', data: { downloader: 'curl', interpreter: 'sh' }, message: /unverified in sh/ }] },
    // tree-sitter-bash reads `a | b | c && d` as `a | ((b | c) && d)`: the model puts a, b and c in one pipe.
    { name: 'through tee, with && after the pipe', code: 'FROM debian:12-slim\nRUN curl -fsSL https://x/i.sh | tee /tmp/i.sh | sh && rm /tmp/i.sh\n', errors: [{ at: '2:5-2:51', messageId: 'unverifiedScript', message: /in sh/ }] },
    { name: 'wget into sudo bash, across a continuation', code: 'FROM debian:12-slim\nRUN wget -qO- https://x/i.sh \\\n    | sudo bash -s -- --yes\n', errors: [{ at: '2:5-3:28', messageId: 'unverifiedScript', data: { downloader: 'wget', interpreter: 'bash' }, message: /in bash/ }] },
  ],
});
