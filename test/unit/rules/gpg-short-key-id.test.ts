import rule from '../../../server/src/engine/rules/gpg-short-key-id';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4\n',
    { name: 'fingerprint with 0x', code: 'FROM debian:12-slim\nRUN gpg --recv-keys 0xB42F6819007F00F88E364FD4036A9C25BF357DD4\n' },
    { name: 'fingerprint in groups', code: 'FROM debian:12-slim\nRUN gpg --recv-keys "B42F 6819 007F 00F8 8E36  4FD4 036A 9C25 BF35 7DD4"\n' },
    { name: 'loop variable', code: 'FROM debian:12-slim\nRUN for key in B42F6819007F00F88E364FD4036A9C25BF357DD4 A1B2C3D4; do gpg --batch --recv-keys "$key"; done\n' },
    { name: 'ENV of fingerprints', code: 'FROM debian:12-slim\nENV GPG_KEYS="B42F6819007F00F88E364FD4036A9C25BF357DD4 0D3DC2A6C6CDE6B3C5BE1D2AB53C8EF1EBD6E1AC"\nRUN gpg --batch --keyserver keyserver.ubuntu.com --recv-keys $GPG_KEYS\n' },
    { name: 'unknown variable', code: 'FROM debian:12-slim\nRUN gpg --recv-keys "$GPG_KEY"\n' },
    { name: 'echo', code: 'FROM debian:12-slim\nRUN echo gpg --recv-keys 0xBF357DD4\n' },
    { name: 'no receive', code: 'FROM debian:12-slim\nRUN gpg --batch --verify app.tar.gz.asc app.tar.gz\n' },
    { name: 'keyserver value after recv-keys is not a key', code: 'FROM debian:12-slim\nRUN gpg --recv-keys --keyserver DEADBEEF B42F6819007F00F88E364FD4036A9C25BF357DD4\n' },
    { name: 'apt-key other than adv', code: 'FROM debian:12-slim\nRUN apt-key list --recv-keys BF357DD4\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys 0xBF357DD4\n',
      errors: [{ at: '2:65-2:75', messageId: 'shortKeyId', data: { key: '0xBF357DD4' } }],
      output: null,
    },
    {
      name: 'long key id through apt-key adv',
      code: 'FROM ubuntu:22.04\nRUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys 036A9C25BF357DD4 && apt-get update\n',
      errors: [{ at: '2:62-2:78', messageId: 'longKeyId', data: { key: '036A9C25BF357DD4' } }],
      output: null,
    },
    {
      name: 'several ids, --recv-key, sudo, inside sh -c',
      code: "FROM ubuntu:22.04\nRUN sh -c 'sudo gpg --recv-key AABBCCDD B42F6819007F00F88E364FD4036A9C25BF357DD4 1122334455667788'\n",
      errors: [{ at: '2:32-2:40', messageId: 'shortKeyId' }, { at: '2:82-2:98', messageId: 'longKeyId' }],
      output: null,
    },
    {
      name: 'from an ARG',
      code: 'FROM debian:12-slim\nARG KEY=BF357DD4\nRUN gpg2 --keyserver pgp.mit.edu --recv-keys ${KEY}\n',
      errors: [{ at: '3:46-3:52', messageId: 'shortKeyId', data: { key: 'BF357DD4' } }],
      output: null,
    },
  ],
});
