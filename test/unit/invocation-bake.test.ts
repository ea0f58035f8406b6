// Bake files read into invocations: variables, groups, inherits, matrix, contexts, JSON bake files and
// overrides, from real-shaped projects; what is not evaluated or not HCL gives problems, never throws.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bakeInvocations, secretId } from '../../server/src/engine/invocation/bake';
import { evaluate, parseHcl } from '../../server/src/engine/invocation/hcl';

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
      // Each key's name, written out as it is, has its column and length.
      declaredAt: {
        'arg:GO_VERSION': { file: 'build/docker-bake.hcl', line: 18, column: 4, length: 10 },
        'arg:CGO_ENABLED': { file: 'build/docker-bake.hcl', line: 33, column: 4, length: 11 },
        target: { file: 'build/docker-bake.hcl', line: 31 },
        'arg:LOG_LEVEL': { file: 'build/docker-bake.hcl', line: 34, column: 4, length: 9 },
        'context:assets': { file: 'build/docker-bake.hcl', line: 38, column: 4, length: 6 },
        'context:alpine': { file: 'build/docker-bake.hcl', line: 39, column: 4, length: 6 },
        'secret:github_token': { file: 'build/docker-bake.hcl', line: 36 },
      },
    });
    assert.deepEqual(byName.cli.declaredAt, { 'arg:GO_VERSION': { file: 'build/docker-bake.hcl', line: 18, column: 4, length: 10 }, 'arg:CGO_ENABLED': { file: 'build/docker-bake.hcl', line: 19, column: 4, length: 11 }, 'arg:VERSION': { file: 'build/docker-bake.hcl', line: 46, column: 11, length: 7 } });
    assert.deepEqual(byName.cli.args, { GO_VERSION: '1.22', CGO_ENABLED: '0', VERSION: '1.22-cli' });
  });
  it('expands the matrix, one invocation per combination, named by its name expression', () => {
    assert.deepEqual(byName['cli-debian-1-21'].dockerfile, 'build/cmd/cli/Dockerfile.debian');
    assert.deepEqual(byName['cli-debian-1-21'].args, { GO_VERSION: '1.21', CGO_ENABLED: '0' });
    assert.equal(byName['cli-alpine-1-22'].source.line, 49);
    // The matrix target's own args entry, not the inherited one it replaces.
    assert.deepEqual([byName.cli.sharedArgs, byName['cli-alpine-1-22'].sharedArgs], [['GO_VERSION', 'CGO_ENABLED'], ['CGO_ENABLED']]);
    assert.deepEqual(byName['cli-alpine-1-22'].declaredAt, { 'arg:GO_VERSION': { file: 'build/docker-bake.hcl', line: 58, column: 4, length: 10 }, 'arg:CGO_ENABLED': { file: 'build/docker-bake.hcl', line: 19, column: 4, length: 11 } });
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
      'arg:EXTRA': { file: 'docker-bake.override.hcl', line: 3, column: 11, length: 5 },
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
  platforms = [for p in ["amd64"] : "linux/\${p}-\${uuidv4()}"]
  target = "build-\${STAMP}"
}
`;
    const { invocations, problems } = bakeInvocations([{ path: 'docker-bake.hcl', text }], {});
    assert.deepEqual([invocations[0].dockerfile, invocations[0].args, invocations[0].platforms, invocations[0].target], ['Dockerfile', { A: '1' }, [], undefined]);
    assert.deepEqual(problems.map((p) => [p.line, p.message]), [
      [3, 'the function md5() is not evaluated, so dockerfile of target "app" is left out'],
      [1, 'the function timestamp() is not evaluated, so variable "STAMP" has no value'],
      [6, 'the variable "STAMP" (it has no value) is not evaluated, so target of target "app" is left out'],
      [5, 'the function uuidv4() is not evaluated, so platforms of target "app" is left out'],
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
    const text = 'target "app" {\n  secret = [for s in ["a"] : "id=${s}${uuidv4()}"]\n}\ntarget "plain" {\n  secret = ["id=a"]\n}\ngroup "default" { targets = ["app", "plain"] }\n';
    const { invocations } = bakeInvocations([{ path: 'docker-bake.hcl', text }], {});
    assert.deepEqual(invocations.map((i) => [i.name, i.secrets, i.secretsUnknown ?? false]), [['app', [], true], ['plain', ['a'], false]]);
  });
});

describe('bake: for expressions, splats, template directives and built-in variables', () => {
  it('a release file: tags and platforms from for expressions, args from an object for, the target from %{if}', () => {
    const text = `variable "REGISTRY" { default = "ghcr.io/acme" }
variable "TAGS" { default = "latest,1.4" }
variable "ARCHS" { default = ["amd64", "arm64", "s390x"] }
variable "RELEASE" { default = true }
variable "VERSIONS" {
  default = { node = "22.11", pnpm = "9.14" }
}
target "web" {
  context = "apps/\${lower("WEB")}"
  tags = [for t in split(",", TAGS) : "\${REGISTRY}/web:\${t}"]
  platforms = [for a in ARCHS : "linux/\${a}" if a != "s390x"]
  args = {for tool, version in VERSIONS : "\${upper(tool)}_VERSION" => version}
  target = "%{ if RELEASE }runtime%{ else }dev%{ endif }"
  labels = { "org.opencontainers.image.description" = <<-EOT
    %{~ for i, a in ARCHS ~}
      \${a}%{ if i < length(ARCHS) - 1 }, %{ endif }
    %{~ endfor ~}
    EOT
  }
}
`;
    const { invocations, problems } = bakeInvocations([{ path: 'docker-bake.hcl', text }], {});
    assert.deepEqual(problems, []);
    const [web] = invocations;
    assert.deepEqual([web.context, web.platforms, web.args, web.target], ['apps/web', ['linux/amd64', 'linux/arm64'], { NODE_VERSION: '22.11', PNPM_VERSION: '9.14' }, 'runtime']);
    // An environment variable turns the %{if} the other way.
    assert.equal(bakeInvocations([{ path: 'docker-bake.hcl', text }], { RELEASE: 'false' }).invocations[0].target, 'dev');
  });
  it('a matrix built by a for expression, named with sanitize(), the args read through splats', () => {
    const text = `variable "IMAGES" {
  default = [
    { name = "api", base = "python:3.12-slim" },
    { name = "worker/jobs", base = "python:3.12-slim" },
  ]
}
target "svc" {
  matrix = { img = [for i in IMAGES : i.name] }
  name = "svc-\${sanitize(img)}"
  args = { BASE = (IMAGES[*].base)[0], ALL = join(" ", IMAGES[*].name), FIRST = IMAGES.*.name[0] }
}
`;
    const { invocations, problems } = bakeInvocations([{ path: 'docker-bake.hcl', text }], {});
    assert.deepEqual(problems, []);
    assert.deepEqual(invocations.map((i) => [i.name, i.args]), [
      ['svc-api', { BASE: 'python:3.12-slim', ALL: 'api worker/jobs', FIRST: 'api' }],
      ['svc-worker_jobs', { BASE: 'python:3.12-slim', ALL: 'api worker/jobs', FIRST: 'api' }],
    ]);
  });
  it('grouping with "...", conditions, an object\'s keys in order, strip markers, the standard library, and the errors HCL raises', () => {
    const forms: Array<[string, unknown]> = [
      ['{for s in ["a", "b", "a"] : s => s...}', { a: ['a', 'a'], b: ['b'] }],
      ['[for k, v in { b = 2, a = 1 } : "${k}=${v}"]', ['a=1', 'b=2']],
      ['[for i, v in ["x", "y"] : i]', [0, 1]],
      ['[for v in [] : v]', []],
      ['{}[*]', [{}]],
      ['null[*]', []],
      ['can({for s in ["a", "a"] : s => s})', false],
      ['can([for v in null : v])', false],
      ['can([for v in [1] : v if "yes"])', false],
      ['[try({ a = 1 }.b, "fallback"), can([{ a = "xy" }][*].a[0]), can([{ a = "xy" }][*].a)]', ['fallback', false, true]],
      ['"${~ "x" ~}  y"', 'xy'],
      ['"%{ for v in ["a", "b"] }${v};%{ endfor }"', 'a;b;'],
      ['formatlist("%s-%s", ["a", "b"], "x")', ['a-x', 'b-x']],
      ['[basename("a/b/"), dirname("a/b/"), dirname("/x"), dirname("x"), basename("")]', ['b', 'a/b', '/', '.', '.']],
      // In HCL \`$\${1}\` is the text \`\${1}\` (Go's group 1); \`\${1}\` is HCL's own interpolation of the number 1.
      ['regex_replace("v7.2.3", "^v([0-9]+)\\\\..*$", "major $${1} ${1}")', 'major 7 1'],
      ['[regex_replace("go1.22", "go(?P<v>[0-9.]+)", "$v-$${v}-$$1"), regex_replace("a-b", "-", "$$")]', ['1.22-1.22-$1', 'a$b']],
      ['regexall("[0-9]+", "a1b22")', ['1', '22']],
      ['[range(3), range(1, 4), range(5, 0, -2)]', [[0, 1, 2], [1, 2, 3], [5, 3, 1]]],
      ['[add(1, 2), max(3, 9, 4), parseint("ff", 16), strlen("héllo"), title("hello world")]', [3, 9, 255, 5, 'Hello World']],
      ['[jsonencode({ b = 1, a = [true] }), jsondecode("{\\"x\\": [1]}")]', ['{"a":[true],"b":1}', { x: [1] }]],
      ['[base64decode(base64encode("héllo")), base64encode("héllo"), base64encode("ab"), can(base64decode("abc")), urlencode("a b&c*")]', ['héllo', 'aMOpbGxv', 'YWI=', false, 'a+b%26c%2A']],
      ['[setproduct(["a"], [1, 2]), zipmap(["k"], ["v"]), chunklist([1, 2, 3], 2), slice([1, 2, 3], 1, 3)]', [[['a', 1], ['a', 2]], { k: 'v' }, [[1, 2], [3]], [2, 3]]],
    ];
    for (const [expr, expected] of forms) {
      const parsed = parseHcl(`x = ${expr}\n`);
      assert.equal(parsed.error, undefined, expr);
      assert.deepEqual(evaluate(parsed.body.attributes[0].value, { variable: () => undefined }), expected, expr);
    }
  });
  it('bake\'s built-in variables, and a value not known hides what a parent gives instead of showing it', () => {
    const text = `target "_common" {
  platforms = ["linux/amd64", "linux/arm64"]
  context = "src"
  args = { A = "1" }
}
target "tests" {
  inherits = ["_common"]
  context = BAKE_CMD_CONTEXT
  platforms = [BAKE_LOCAL_PLATFORM]
  args = { B = uuidv4() }
}
target "docs" {
  inherits = ["_common"]
  context = "cwd://docs"
}
group "default" { targets = ["tests", "docs"] }
`;
    const read = (env: Record<string, string>) => bakeInvocations([{ path: 'docker-bake.hcl', text }], env).invocations.map((i) => [i.name, i.context, i.platforms, i.args]);
    // Where bake runs (cwd://) is the bake file's folder here; the local platform is only known from the environment.
    assert.deepEqual(read({}), [['tests', '.', [], { A: '1' }], ['docs', 'docs', ['linux/amd64', 'linux/arm64'], { A: '1' }]]);
    assert.deepEqual(read({ BAKE_LOCAL_PLATFORM: 'linux/riscv64' })[0], ['tests', '.', ['linux/riscv64'], { A: '1' }]);
    assert.match(bakeInvocations([{ path: 'docker-bake.hcl', text }], {}).problems.map((p) => p.message).join('\n'), /the built-in variable BAKE_LOCAL_PLATFORM \(the platform of the machine that builds\) is not evaluated, so platforms of target "tests" is left out/);
  });
  it('where an arg\'s name is written: a bare or quoted key has its column, one an expression makes has none', () => {
    const text = 'target "app" {\n  args = {\n    "QUOTED" = "1"\n    (upper("made")) = "2"\n    "${lower("X")}" = "3"\n  }\n}\n';
    assert.deepEqual(bakeInvocations([{ path: 'docker-bake.hcl', text }], {}).invocations[0].declaredAt, {
      'arg:QUOTED': { file: 'docker-bake.hcl', line: 3, column: 5, length: 6 },
      'arg:MADE': { file: 'docker-bake.hcl', line: 4 },
      'arg:x': { file: 'docker-bake.hcl', line: 5 },
    });
  });
  it('a directive without its end, or an unknown one, is where reading stops', () => {
    assert.deepEqual(parseHcl('a = "x"\nb = "%{ if true }y"\n').error, { line: 2, message: '"%{if}" without its "%{endif}"' });
    assert.deepEqual(parseHcl('b = "%{ endfor }"\n').error, { line: 1, message: '"%{endfor}" without its opening directive' });
    assert.match(parseHcl('b = "%{ while x }"\n').error?.message ?? '', /expected if, else, endif, for or endfor after "%\{", found "while"/);
    assert.match(parseHcl('b = [for x : x]\n').error?.message ?? '', /expected "in" after the names of a "for"/);
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
