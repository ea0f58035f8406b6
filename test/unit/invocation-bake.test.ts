// Bake files read into invocations: variables, groups, inherits, matrix, contexts, JSON bake files and
// overrides, from real-shaped projects; what is not evaluated or not HCL gives problems, never throws.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bakeInvocations, secretId } from '../../server/src/engine/invocation/bake';
import { parseHcl } from '../../server/src/engine/invocation/hcl';

const BAKE = `# Release images of the CLI and the server.
variable "REGISTRY" {
  default = "ghcr.io/acme"
}
variable "GO_VERSION" { default = "1.22" }
variable "DEBUG" {
  default = false
}

group "default" {
  targets = ["server", "cli"]
}

// Shared by every image: never built alone.
target "_common" {
  context = "."
  args = {
    GO_VERSION = GO_VERSION
    CGO_ENABLED = "0"
  }
  platforms = ["linux/amd64", "linux/arm64"]
}

target "docker-metadata-action" {
  tags = ["\${REGISTRY}/server:\${timestamp()}"]
}

target "server" {
  inherits = ["_common", "docker-metadata-action"]
  dockerfile = "cmd/server/Dockerfile"
  target = "release"
  args = {
    CGO_ENABLED = "1"
    LOG_LEVEL = DEBUG ? "debug" : "info"
  }
  secret = ["id=github_token,env=GITHUB_TOKEN", "type=file,src=./secrets/npmrc"]
  contexts = {
    assets = "./web/dist"
    alpine = "docker-image://alpine:3.20"
  }
}

target "cli" {
  inherits = ["_common"]
  dockerfile = "cmd/cli/Dockerfile"
  args = { VERSION = "\${GO_VERSION}-cli" }
}

target "cli-matrix" {
  inherits = ["_common"]
  name = "cli-\${os}-\${replace(go, ".", "-")}"
  matrix = {
    os = ["alpine", "debian"]
    go = ["1.21", "1.22"]
  }
  dockerfile = "cmd/cli/Dockerfile.\${os}"
  args = {
    GO_VERSION = go
  }
}
`;

describe('bake: variables, a group, inherits, a matrix, contexts', () => {
  const { invocations, problems } = bakeInvocations([{ path: 'build/docker-bake.hcl', text: BAKE }], { DEBUG: 'true' });
  const byName = Object.fromEntries(invocations.map((i) => [i.name, i]));
  it('builds the group\'s targets and the others no target inherits from, not the bases', () => {
    assert.deepEqual(invocations.map((i) => i.name), ['server', 'cli', 'cli-alpine-1-21', 'cli-alpine-1-22', 'cli-debian-1-21', 'cli-debian-1-22']);
  });
  it('builds a target another one uses as a named context, even one it also inherits from', () => {
    const text = 'target "java_base" {\n  context = "java"\n}\ntarget "tomcat" {\n  inherits = ["java_base"]\n  context = "tomcat"\n  contexts = { java_base = "target:java_base" }\n}\ntarget "_common" {}\ntarget "app" {\n  inherits = ["_common"]\n}\n';
    const { invocations } = bakeInvocations([{ path: 'docker-bake.hcl', text }], {});
    assert.deepEqual(invocations.map((i) => i.name), ['java_base', 'tomcat', 'app']);
  });
  it('merges inherits in order, maps key by key, the target\'s own last; env overrides a variable by its type', () => {
    assert.deepEqual(byName.server, {
      source: { kind: 'bake', file: 'build/docker-bake.hcl', line: 28 },
      name: 'server',
      context: 'build',
      dockerfile: 'build/cmd/server/Dockerfile',
      args: { GO_VERSION: '1.22', CGO_ENABLED: '1', LOG_LEVEL: 'debug' },
      // From _common, which every target inheriting it gets; CGO_ENABLED server writes again itself.
      sharedArgs: ['GO_VERSION'],
      target: 'release',
      platforms: ['linux/amd64', 'linux/arm64'],
      // The file secret has no id: buildx refuses it ("secret missing ID"), so it provides nothing.
      secrets: ['github_token'],
      additionalContexts: { assets: 'build/web/dist', alpine: 'docker-image://alpine:3.20' },
      // GO_VERSION is inherited from _common; CGO_ENABLED is written again in server itself, so it is pointed at there.
      declaredAt: {
        'arg:GO_VERSION': { file: 'build/docker-bake.hcl', line: 18 },
        'arg:CGO_ENABLED': { file: 'build/docker-bake.hcl', line: 33 },
        target: { file: 'build/docker-bake.hcl', line: 31 },
        'arg:LOG_LEVEL': { file: 'build/docker-bake.hcl', line: 34 },
        'context:assets': { file: 'build/docker-bake.hcl', line: 38 },
        'context:alpine': { file: 'build/docker-bake.hcl', line: 39 },
        'secret:github_token': { file: 'build/docker-bake.hcl', line: 36 },
      },
    });
    assert.deepEqual(byName.cli.declaredAt, { 'arg:GO_VERSION': { file: 'build/docker-bake.hcl', line: 18 }, 'arg:CGO_ENABLED': { file: 'build/docker-bake.hcl', line: 19 }, 'arg:VERSION': { file: 'build/docker-bake.hcl', line: 46 } });
    assert.deepEqual(byName.cli.args, { GO_VERSION: '1.22', CGO_ENABLED: '0', VERSION: '1.22-cli' });
  });
  it('expands the matrix, one invocation per combination, named by its name expression', () => {
    assert.deepEqual(byName['cli-debian-1-21'].dockerfile, 'build/cmd/cli/Dockerfile.debian');
    assert.deepEqual(byName['cli-debian-1-21'].args, { GO_VERSION: '1.21', CGO_ENABLED: '0' });
    assert.equal(byName['cli-alpine-1-22'].source.line, 49);
    // The matrix target's own args entry, not the inherited one it replaces.
    assert.deepEqual([byName.cli.sharedArgs, byName['cli-alpine-1-22'].sharedArgs], [['GO_VERSION', 'CGO_ENABLED'], ['CGO_ENABLED']]);
    assert.deepEqual(byName['cli-alpine-1-22'].declaredAt, { 'arg:GO_VERSION': { file: 'build/docker-bake.hcl', line: 58 }, 'arg:CGO_ENABLED': { file: 'build/docker-bake.hcl', line: 19 } });
  });
  it('a function in an attribute that does not decide the build is never evaluated, so no problem', () => {
    assert.deepEqual(problems, []);
  });
});

describe('bake: JSON files and overrides', () => {
  const json = `{
  "variable": { "TAG": { "default": "dev" }, "NODE": { "default": "20" } },
  "group": { "default": { "targets": ["web"] } },
  "target": {
    "web": {
      "context": "frontend",
      "dockerfile": "Dockerfile",
      "args": { "NODE_VERSION": "\${NODE}", "EMPTY": null },
      "target": "prod",
      "secret": ["type=env,id=NPM_TOKEN"]
    }
  }
}`;
  it('reads a docker-bake.json with interpolation; a null arg is not passed', () => {
    const { invocations, problems } = bakeInvocations([{ path: 'docker-bake.json', text: json }], { NODE: '22' });
    assert.deepEqual(problems, []);
    assert.deepEqual(invocations, [{
      source: { kind: 'bake', file: 'docker-bake.json', line: 5 },
      name: 'web', context: 'frontend', dockerfile: 'frontend/Dockerfile', args: { NODE_VERSION: '22' }, target: 'prod',
      platforms: [], secrets: ['NPM_TOKEN'], additionalContexts: {},
      // JSON entries are pointed at by the target's line; the null arg is not passed, so it has none.
      declaredAt: { 'arg:NODE_VERSION': { file: 'docker-bake.json', line: 5 }, target: { file: 'docker-bake.json', line: 5 }, 'secret:NPM_TOKEN': { file: 'docker-bake.json', line: 5 } },
    }]);
  });
  it('an override file adds to a target and changes a variable default', () => {
    const override = 'variable "NODE" { default = "18" }\ntarget "web" {\n  args = { EXTRA = "1" }\n  target = "debug"\n}\n';
    const { invocations } = bakeInvocations([{ path: 'docker-bake.json', text: json }, { path: 'docker-bake.override.hcl', text: override }], {});
    assert.deepEqual([invocations[0].args, invocations[0].target, invocations[0].context], [{ NODE_VERSION: '18', EXTRA: '1' }, 'debug', 'frontend']);
    assert.deepEqual(invocations[0].declaredAt, {
      'arg:NODE_VERSION': { file: 'docker-bake.json', line: 5 },
      'arg:EXTRA': { file: 'docker-bake.override.hcl', line: 3 },
      target: { file: 'docker-bake.override.hcl', line: 4 },
      'secret:NPM_TOKEN': { file: 'docker-bake.json', line: 5 },
    });
  });
});

describe('bake: HCL forms', () => {
  it('heredocs, comments, escapes, $${ and numbers', () => {
    const text = `/* block
comment */
variable "V" { default = 3 }
target "t" {
  args = {
    A = <<-EOT
      line \${V}
        more $\${V}
      EOT
    "B" = "q\\"uote\\n" # trailing
    C = V * 2 + 1
    D = "\${V >= 3 && !false}"
  }
}
`;
    const { invocations, problems } = bakeInvocations([{ path: 'docker-bake.hcl', text }], {});
    assert.deepEqual(problems, []);
    assert.deepEqual(invocations[0].args, { A: 'line 3\n  more ${V}\n', B: 'q"uote\n', C: '7', D: 'true' });
  });
  it('evaluates the file\'s own functions, can() and regex(), and the built-in set operations', () => {
    const text = `variable "VERSION" { default = "23.4" }
function "java_for" {
  params = [version]
  result = can(regex("^7", version)) ? "11" : "17"
}
function "targets_without" {
  params = [excluded]
  variadic_params = names
  result = setsubtract(names, excluded)
}
group "default" {
  targets = targets_without(["docs"], "app", "docs")
}
target "app" {
  args = { JAVA = java_for(VERSION), OLD = java_for("7.1"), MAJOR = regex("^([0-9]+)", VERSION)[0] }
}
target "docs" {}
`;
    const { invocations, problems } = bakeInvocations([{ path: 'docker-bake.hcl', text }], {});
    assert.deepEqual(problems, []);
    assert.deepEqual(invocations.map((i) => [i.name, i.args]), [['app', { JAVA: '17', OLD: '11', MAJOR: '23' }], ['docs', {}]]);
  });
  it('reports functions and expressions it does not evaluate, keeping the rest', () => {
    const text = `variable "STAMP" { default = timestamp() }
target "app" {
  dockerfile = "\${md5("x")}.Dockerfile"
  args = { A = "1" }
  platforms = [for p in ["amd64"] : "linux/\${p}"]
  target = "build-\${STAMP}"
}
`;
    const { invocations, problems } = bakeInvocations([{ path: 'docker-bake.hcl', text }], {});
    assert.deepEqual([invocations[0].dockerfile, invocations[0].args, invocations[0].platforms, invocations[0].target], ['Dockerfile', { A: '1' }, [], undefined]);
    assert.deepEqual(problems.map((p) => [p.line, p.message]), [
      [3, 'the function md5() is not evaluated, so dockerfile of target "app" is left out'],
      [1, 'the function timestamp() is not evaluated, so variable "STAMP" has no value'],
      [6, 'the variable "STAMP" (it has no value) is not evaluated, so target of target "app" is left out'],
      [5, 'a "for" expression is not evaluated, so platforms of target "app" is left out'],
    ]);
    // The invocation carries those about its own attributes; the variable's is the file's.
    assert.deepEqual(invocations[0].problems, problems.filter((p) => p.line !== 1).map((p) => p.message));
  });
  it('secret ids: `id=` only, as buildx requires it (the last one when repeated)', () => {
    assert.deepEqual(['id=a,src=x', 'type=env,id=B', 'type=env,env=C', 'src=./path/to/npmrc', 'type=file', 'id=x,ID=y'].map(secretId), ['a', 'B', undefined, undefined, undefined, 'y']);
  });
  it('secrets written as objects, and added up through inherits and repeated definitions', () => {
    const hcl = `target "_auth" {
  secret = ["id=github_token,env=GITHUB_TOKEN"]
}
target "app" {
  inherits = ["_auth"]
  secret = [
    { type = "env", id = "KUBECONFIG" },
    { type = "file", id = "aws", src = "aws-credentials" },
    "id=github_token,env=GH_TOKEN",
  ]
}
`;
    const override = 'target "app" {\n  secret = ["id=npmrc,src=./.npmrc"]\n}\n';
    const { invocations } = bakeInvocations([{ path: 'docker-bake.hcl', text: hcl }, { path: 'docker-bake.override.hcl', text: override }], {});
    assert.deepEqual(invocations.map((i) => [i.name, i.secrets]), [['app', ['github_token', 'KUBECONFIG', 'aws', 'npmrc']]]);
    // Each id pointed at where it is written last: github_token by app itself, npmrc by the override.
    assert.deepEqual(invocations[0].declaredAt, {
      'secret:github_token': { file: 'docker-bake.hcl', line: 9 },
      'secret:KUBECONFIG': { file: 'docker-bake.hcl', line: 7 },
      'secret:aws': { file: 'docker-bake.hcl', line: 8 },
      'secret:npmrc': { file: 'docker-bake.override.hcl', line: 2 },
    });
  });
  it('secrets not evaluated are not known: none counts as missing', () => {
    const text = 'target "app" {\n  secret = [for s in ["a"] : "id=${s}"]\n}\ntarget "plain" {\n  secret = ["id=a"]\n}\ngroup "default" { targets = ["app", "plain"] }\n';
    const { invocations } = bakeInvocations([{ path: 'docker-bake.hcl', text }], {});
    assert.deepEqual(invocations.map((i) => [i.name, i.secrets, i.secretsUnknown ?? false]), [['app', [], true], ['plain', ['a'], false]]);
  });
});

describe('bake: broken inputs give problems, never throw', () => {
  const cases: Array<[string, string, string, Array<[number, RegExp]>, string[]]> = [
    ['unterminated string', 'docker-bake.hcl', 'target "a" {}\ntarget "b" {\n  context = "x\n}\n', [[3, /unterminated string/]], ['a']],
    ['missing brace', 'docker-bake.hcl', 'target "a" {\n  context = "."\n', [[3, /expected "}", found the end of the file/]], []],
    ['garbage', 'docker-bake.hcl', 'target "a" {}\n= 3\n', [[2, /expected an attribute or a block/]], ['a']],
    ['bad JSON', 'docker-bake.json', '{"target": {', [[1, /^not valid JSON/]], []],
    ['unknown parent and group member', 'docker-bake.hcl', 'group "default" { targets = ["a", "nope"] }\ntarget "a" { inherits = ["base"] }\n', [[2, /inherits "base", which is not defined/], [1, /names "nope"/]], ['a']],
    ['inherits cycle', 'docker-bake.hcl', 'target "a" { inherits = ["b"] }\ntarget "b" { inherits = ["a"] }\ngroup "default" { targets = ["a"] }\n', [[2, /leads back to itself/]], ['a']],
    ['bad matrix', 'docker-bake.hcl', 'target "a" {\n  matrix = { v = "1" }\n}\n', [[2, /should map names to lists/]], ['a']],
    ['unset variable reference', 'docker-bake.hcl', 'target "a" {\n  context = NOPE\n}\n', [[2, /the name "NOPE" \(no such variable\) is not evaluated, so context/]], ['a']],
    ['empty', 'docker-bake.hcl', '', [], []],
  ];
  for (const [what, path, text, expected, names] of cases) {
    it(what, () => {
      const { invocations, problems } = bakeInvocations([{ path, text }], {});
      assert.deepEqual(invocations.map((i) => i.name), names);
      assert.equal(problems.length, expected.length, JSON.stringify(problems));
      expected.forEach(([line, message], i) => { assert.equal(problems[i].line, line, problems[i].message); assert.match(problems[i].message, message); });
    });
  }
  it('never throws on any prefix of a real file', () => {
    for (let i = 0; i <= BAKE.length; i += 7) {
      assert.doesNotThrow(() => parseHcl(BAKE.slice(0, i)));
      assert.doesNotThrow(() => bakeInvocations([{ path: 'docker-bake.hcl', text: BAKE.slice(0, i) }], {}));
    }
  });
});
