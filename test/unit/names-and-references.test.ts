// The small pure helpers behind "did you mean", image-reference validity and the official images' ENV.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closestUnique, editDistance } from '../../server/src/engine/closest';
import { isValidImageReference } from '../../server/src/engine/model/image';
import { BASE_IMAGE_ENV, officialImageEnv } from '../../server/src/engine/data/base-image-env';

describe('closestUnique', () => {
  it('suggests the one name within reach', () => {
    assert.equal(editDistance('BUILDPLATFROM', 'BUILDPLATFORM'), 2);
    assert.equal(closestUnique('BUILDPLATFROM', ['BUILDPLATFORM', 'TARGETPLATFORM']), 'BUILDPLATFORM');
    assert.equal(closestUnique('targetarch', ['TARGETARCH', 'TARGETOS']), 'TARGETARCH', 'a difference in case only is the closest');
  });

  it('suggests nothing when two names are equally close, or none is close enough', () => {
    assert.equal(closestUnique('APP_VER', ['APP_VERA', 'APP_VERB']), undefined);
    assert.equal(closestUnique('PORT', ['HOST']), undefined, 'four letters allow one edit');
    assert.equal(closestUnique('X', ['Y']), undefined, 'one edit reaches any short name');
    assert.equal(closestUnique('id', ['ID']), 'ID', 'but a short name in another case is still meant');
    assert.equal(closestUnique('NAME', ['NAME']), undefined, 'the name itself is no suggestion');
  });
});

describe('isValidImageReference', () => {
  it('accepts what Docker accepts', () => {
    for (const ref of ['alpine', 'alpine:3.21', 'library/alpine:3.21', 'ghcr.io/org/app:v1.2.3', 'localhost:5000/app', 'registry.example.com:5000/team/app_x-y.z:1.0',
      '[::1]:5000/app:1', 'Registry.Example.com/app', `alpine@sha256:${'a'.repeat(64)}`, `alpine:3.21@sha256:${'0'.repeat(64)}`, 'a__b/c---d']) {
      assert.ok(isValidImageReference(ref), ref);
    }
  });

  it('refuses empty parts, uppercase paths, bad tags and digests', () => {
    for (const ref of ['', 'alpine:', ':3.21', 'Alpine', 'org/App', 'alpine:-x', `alpine:${'x'.repeat(129)}`, 'alpine@sha256:abc', 'a//b', 'a/', 'my app', 'a_-b', `${'a'.repeat(256)}`]) {
      assert.ok(!isValidImageReference(ref), ref);
    }
  });
});

describe('official images\' ENV', () => {
  it('every entry names its source, and images built FROM others name a known one', () => {
    for (const [name, e] of Object.entries(BASE_IMAGE_ENV)) {
      assert.match(e.source, /^https:\/\//, name);
      if (e.from) assert.ok(BASE_IMAGE_ENV[e.from], `${name}: from ${e.from}`);
    }
  });

  it('includes PATH and what the parent image sets; unknown images are unknown', () => {
    const tomcat = officialImageEnv('tomcat')!;
    for (const n of ['PATH', 'CATALINA_HOME', 'JAVA_HOME']) assert.ok(tomcat.has(n), n);
    assert.deepEqual([...officialImageEnv('alpine')!], ['PATH']);
    assert.equal(officialImageEnv('mycompany-base'), undefined);
  });
});
