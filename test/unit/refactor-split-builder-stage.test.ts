import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initNodeShellParser as initShellParser } from '../../server/src/host/node';
import { lintText, refactoringsAt } from '../../server/src/engine';
import { offersOf, refactor, refactorContext, type RefactorTestOptions } from '../support/refactor';
import split from '../../server/src/engine/refactor/split-builder-stage';

before(async () => { await initShellParser(); });

const ID = 'split-builder-stage';

/** Where build-toolchain-in-final-stage reports in `text` (offsets). */
function toolchainLines(text: string): number[] {
  const findings = lintText(text, { settings: { trustedRegistries: [], today: '2026-12-07', locale: 'en' } }).findings;
  return findings.filter((f) => f.rule === 'build-toolchain-in-final-stage').map((f) => f.start);
}

/** Refactors `before`, checks the exact result, and that the toolchain is gone from the shipped stage. */
async function splits(before: string, after: string, o: RefactorTestOptions = {}): Promise<string[]> {
  assert.notDeepEqual(toolchainLines(before), [], 'the rule reports the input');
  const out = await refactor(ID, before, o);
  assert.equal(out.text, after);
  assert.deepEqual(toolchainLines(out.text), []);
  return out.notes;
}

test('a Node app with native modules: builder prunes devDependencies, node:22-slim copies the app folder', async () => {
  const notes = await splits(
    'FROM node:22\n# node-gyp needs these\nRUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nENV NODE_ENV=production\nEXPOSE 3000\nUSER node\nCMD ["node", "dist/server.js"]\n',
    'FROM node:22 AS build\n# node-gyp needs these\nRUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nRUN npm prune --omit=dev\n\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app /app\nENV NODE_ENV=production\nEXPOSE 3000\nUSER node\nCMD ["node", "dist/server.js"]\n',
  );
  assert.deepEqual(notes.slice(0, 1), ['The runtime stage copies `/app` from the `build` stage to the same paths, so the command stays as it was.']);
  assert.ok(notes.some((n) => n.includes('`python3`')), 'names the non-build package the runtime stage lacks');
  assert.equal(offersOf(ID, 'FROM node:22\nRUN apt-get update && apt-get install -y g++ make\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n')[0].title,
    'Split into a builder stage and a runtime stage on node:22-slim (about 313 MB smaller)');
});

test('Node built as USER node: the copy keeps the owner; a multi-line HEALTHCHECK moves with its comment; the curl it runs is noted', async () => {
  const notes = await splits(
    'FROM node:22\nRUN apt-get update && apt-get install -y g++ make\nWORKDIR /home/node/app\nRUN chown node:node /home/node/app\nUSER node\nCOPY --chown=node:node package*.json ./\nRUN npm ci\nCOPY --chown=node:node . .\nRUN npm run build\n# health\nHEALTHCHECK --interval=30s \\\n  CMD curl -f http://localhost:3000/ || exit 1\nCMD ["npm", "start"]\n# trailing comment\n',
    'FROM node:22 AS build\nRUN apt-get update && apt-get install -y g++ make\nWORKDIR /home/node/app\nRUN chown node:node /home/node/app\nUSER node\nCOPY --chown=node:node package*.json ./\nRUN npm ci\nCOPY --chown=node:node . .\nRUN npm run build\nRUN npm prune --omit=dev\n\nFROM node:22-slim\nWORKDIR /home/node/app\nUSER node\nCOPY --from=build --chown=node /home/node/app /home/node/app\n# health\nHEALTHCHECK --interval=30s \\\n  CMD curl -f http://localhost:3000/ || exit 1\nCMD ["npm", "start"]\n# trailing comment\n',
  );
  assert.ok(notes.includes('The HEALTHCHECK runs `curl`: slim and distroless images such as node:22-slim may not have it; install it in the runtime stage or probe another way.'));
});

test('node:latest ships on node:slim; a global npm install is no reason to prune and is named in the notes', async () => {
  const notes = await splits(
    'FROM node:latest\nRUN apt-get update && apt-get install -y python3 make g++\nRUN npm install -g pm2\nWORKDIR /usr/src/app\nCOPY . .\nRUN yarn install && yarn build\nCMD pm2-runtime start ecosystem.config.js\n',
    'FROM node:latest AS build\nRUN apt-get update && apt-get install -y python3 make g++\nRUN npm install -g pm2\nWORKDIR /usr/src/app\nCOPY . .\nRUN yarn install && yarn build\n\nFROM node:slim\nWORKDIR /usr/src/app\nCOPY --from=build /usr/src/app /usr/src/app\nCMD pm2-runtime start ecosystem.config.js\n',
  );
  assert.ok(notes.some((n) => n.startsWith('Packages the build stage installs globally')));
});

test('Node on Alpine stays on Alpine; no size without both recorded', async () => {
  await splits(
    'FROM node:24-alpine\nRUN apk add --no-cache python3 make g++\nWORKDIR /usr/src/app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nCMD ["node", "dist/index.js"]\n',
    'FROM node:24-alpine AS build\nRUN apk add --no-cache python3 make g++\nWORKDIR /usr/src/app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nRUN npm prune --omit=dev\n\nFROM node:24-alpine\nWORKDIR /usr/src/app\nCOPY --from=build /usr/src/app /usr/src/app\nCMD ["node", "dist/index.js"]\n',
  );
});

test('a Go service: cgo left on ships on distroless base of the same Debian release, the -o output copied', async () => {
  const notes = await splits(
    'FROM golang:1.25\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /out/api ./cmd/api\nEXPOSE 8080\nENTRYPOINT ["/out/api"]\n',
    'FROM golang:1.25 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /out/api ./cmd/api\n\nFROM gcr.io/distroless/base-debian13:nonroot\nWORKDIR /src\nCOPY --from=build /out/api /out/api\nEXPOSE 8080\nENTRYPOINT ["/out/api"]\n',
  );
  assert.ok(notes.some((n) => n.includes('CGO_ENABLED')));
});

test('a static Go binary ships on distroless static (the documented example)', async () => {
  const { before: input, after } = split.docs.example;
  await splits(input, after);
});

test('Go with a created user, a shell-form command and a global ARG: debian slim, the user RUN and the ARG repeated, comments move', async () => {
  await splits(
    'ARG PORT=8080\nFROM golang:1.25-bookworm\nARG PORT\nRUN useradd -r -u 10001 app\nWORKDIR /src\nCOPY . .\n# static binary\nRUN CGO_ENABLED=0 go build -o /usr/local/bin/api .\n# the API port\nEXPOSE ${PORT}\nUSER app\nCMD /usr/local/bin/api --port ${PORT}\n',
    'ARG PORT=8080\nFROM golang:1.25-bookworm AS build\nARG PORT\nRUN useradd -r -u 10001 app\nWORKDIR /src\nCOPY . .\n# static binary\nRUN CGO_ENABLED=0 go build -o /usr/local/bin/api .\n\nFROM debian:bookworm-slim\nARG PORT\nRUN useradd -r -u 10001 app\nWORKDIR /src\nCOPY --from=build /usr/local/bin/api /usr/local/bin/api\n# the API port\nEXPOSE ${PORT}\nUSER app\nCMD /usr/local/bin/api --port ${PORT}\n',
  );
});

test('Spring Boot with Maven: the jar the command runs, on the JRE of the same major', async () => {
  await splits(
    'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY pom.xml .\nRUN mvn -B dependency:go-offline\nCOPY src ./src\nRUN mvn -B package -DskipTests\nEXPOSE 8080\nCMD ["java", "-jar", "target/demo-0.0.1-SNAPSHOT.jar"]\n',
    'FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /app\nCOPY pom.xml .\nRUN mvn -B dependency:go-offline\nCOPY src ./src\nRUN mvn -B package -DskipTests\n\nFROM eclipse-temurin:21-jre\nWORKDIR /app\nCOPY --from=build /app/target/demo-0.0.1-SNAPSHOT.jar /app/target/demo-0.0.1-SNAPSHOT.jar\nEXPOSE 8080\nCMD ["java", "-jar", "target/demo-0.0.1-SNAPSHOT.jar"]\n',
  );
});

test('Maven: a single-module pom copies target/*.jar; several modules or no pom ask; a jar in a sh -c command is taken', async () => {
  const text = 'FROM maven:3-eclipse-temurin-17-alpine\nARG JAR_FILE=app.jar\nWORKDIR /build\nCOPY . .\nRUN mvn -B package\nCMD java -jar target/${JAR_FILE}\n';
  await splits(text,
    'FROM maven:3-eclipse-temurin-17-alpine AS build\nARG JAR_FILE=app.jar\nWORKDIR /build\nCOPY . .\nRUN mvn -B package\n\nFROM eclipse-temurin:17-jre-alpine\nARG JAR_FILE=app.jar\nWORKDIR /build\nCOPY --from=build /build/target/*.jar /build/target/\nCMD java -jar target/${JAR_FILE}\n',
    { files: { 'pom.xml': '<project><artifactId>one</artifactId></project>' } });
  const asked = offersOf(ID, text, { files: { 'pom.xml': '<project><modules><module>api</module></modules></project>' } })[0].question;
  assert.deepEqual(asked?.candidates.map((c) => c.value), ['/build/target/*.jar', '/build']);
  assert.equal(asked?.many, true);
  assert.ok(offersOf(ID, text)[0].question, 'no pom.xml to read: asks');
  await splits('FROM maven:3-eclipse-temurin-17\nWORKDIR /build\nCOPY . .\nRUN mvn -B package\nENTRYPOINT ["sh", "-c", "java -jar /build/target/*.jar"]\n',
    'FROM maven:3-eclipse-temurin-17 AS build\nWORKDIR /build\nCOPY . .\nRUN mvn -B package\n\nFROM eclipse-temurin:17-jre\nWORKDIR /build\nCOPY --from=build /build/target/*.jar /build/target/\nENTRYPOINT ["sh", "-c", "java -jar /build/target/*.jar"]\n');
});

test('Gradle: build/libs/*.jar', async () => {
  await splits(
    'FROM gradle:8.14-jdk21\nWORKDIR /home/gradle/project\nCOPY . .\nRUN gradle bootJar --no-daemon\nEXPOSE 8080\nCMD java -jar build/libs/*.jar\n',
    'FROM gradle:8.14-jdk21 AS build\nWORKDIR /home/gradle/project\nCOPY . .\nRUN gradle bootJar --no-daemon\n\nFROM eclipse-temurin:21-jre\nWORKDIR /home/gradle/project\nCOPY --from=build /home/gradle/project/build/libs/*.jar /home/gradle/project/build/libs/\nEXPOSE 8080\nCMD java -jar build/libs/*.jar\n',
    { files: { 'settings.gradle': "rootProject.name = 'demo'\n" } },
  );
});

test('a Flask app: pip installs under /install, python:3.13-slim copies it to /usr/local with the app', async () => {
  const notes = await splits(
    'FROM python:3.13\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nEXPOSE 5000\nCMD ["gunicorn", "-b", "0.0.0.0:5000", "app:app"]\n',
    'FROM python:3.13 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --prefix=/install --no-cache-dir -r requirements.txt\nCOPY . .\n\nFROM python:3.13-slim\nWORKDIR /app\nCOPY --from=build /install /usr/local\nCOPY --from=build /app /app\nEXPOSE 5000\nCMD ["gunicorn", "-b", "0.0.0.0:5000", "app:app"]\n',
  );
  assert.equal(notes[0], 'The runtime stage copies `/install` (to `/usr/local`), `/app` from the `build` stage to the same paths, so the command stays as it was.');
});

test('Python in a virtual environment: the venv is copied whole, pip left as written', async () => {
  const notes = await splits(
    'FROM python:3.13\nRUN apt-get update && apt-get install -y build-essential\nWORKDIR /app\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
    'FROM python:3.13 AS build\nRUN apt-get update && apt-get install -y build-essential\nWORKDIR /app\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n\nFROM python:3.13-slim\nWORKDIR /app\nENV PATH="/opt/venv/bin:$PATH"\nCOPY --from=build /opt/venv /opt/venv\nCOPY --from=build /app /app\nCMD ["python", "app.py"]\n',
  );
  assert.equal(notes[0], 'The runtime stage copies `/opt/venv`, `/app` from the `build` stage to the same paths, so the command stays as it was.');
});

test('Node with yarn: no prune (yarn has none), said in the notes', async () => {
  const notes = await splits(
    'FROM node:22\nRUN apt-get update && apt-get install -y build-essential\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile && yarn build\nCMD ["node", "dist/main.js"]\n',
    'FROM node:22 AS build\nRUN apt-get update && apt-get install -y build-essential\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile && yarn build\n\nFROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app /app\nCMD ["node", "dist/main.js"]\n',
  );
  assert.ok(notes.some((n) => n.startsWith('yarn has no prune')));
});

test('a Rust binary: the name from Cargo.toml, on debian slim; without Cargo.toml it asks', async () => {
  const text = 'FROM rust:1.90\nWORKDIR /usr/src/app\nCOPY . .\nRUN cargo build --release\nCMD ["/usr/src/app/target/release/hello"]\n';
  await splits(text,
    'FROM rust:1.90 AS build\nWORKDIR /usr/src/app\nCOPY . .\nRUN cargo build --release\n\nFROM debian:trixie-slim\nWORKDIR /usr/src/app\nCOPY --from=build /usr/src/app/target/release/hello /usr/src/app/target/release/hello\nCMD ["/usr/src/app/target/release/hello"]\n',
    { files: { 'Cargo.toml': '[package]\nname = "hello"\nversion = "0.1.0"\n' } });
  assert.deepEqual(offersOf(ID, text)[0].question?.candidates.map((c) => c.value), ['/usr/src/app/target/release/', '/usr/src/app', '/usr/src/app/target/release/hello']);
});

test('a .NET app: the publish folder on aspnet of the same tag; a console project runs on dotnet/runtime', async () => {
  const text = 'FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish Web.csproj -c Release -o /app/publish\nWORKDIR /app/publish\nEXPOSE 8080\nENTRYPOINT ["dotnet", "Web.dll"]\n';
  await splits(text,
    'FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish Web.csproj -c Release -o /app/publish\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /src\nCOPY --from=build /app/publish /app/publish\nWORKDIR /app/publish\nEXPOSE 8080\nENTRYPOINT ["dotnet", "Web.dll"]\n');
  const console = offersOf(ID, text, { files: { 'Web.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n</Project>\n' } })[0];
  assert.equal(console.title, 'Split into a builder stage and a runtime stage on mcr.microsoft.com/dotnet/runtime:10.0');
});

test('a generic build asks which paths to copy: answered, exact output; unanswered, an error', async () => {
  const text = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nWORKDIR /src\nCOPY . .\nRUN make && make install PREFIX=/opt/tool\nCMD ["/opt/tool/bin/tool"]\n';
  const [offer] = offersOf(ID, text);
  assert.deepEqual(offer.question, {
    prompt: 'Which paths of the build stage does the runtime stage on debian:bookworm need?',
    candidates: [{ value: '/src' }, { value: '/opt/tool/bin/tool' }],
    many: true,
  });
  await splits(text,
    'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*\nWORKDIR /src\nCOPY . .\nRUN make && make install PREFIX=/opt/tool\n\nFROM debian:bookworm\nWORKDIR /src\nCOPY --from=build /opt/tool /opt/tool\nCMD ["/opt/tool/bin/tool"]\n',
    { answers: ['/opt/tool'] });
  await assert.rejects(refactor(ID, text), /Pick the paths the runtime stage copies/);
  await assert.rejects(refactor(ID, text, { answers: [] }), /none was given/);
});

test('two stages: offered on a final stage that builds (named apart from existing stages), only there', async () => {
  const text = 'FROM node:22 AS build\nWORKDIR /web\nCOPY web .\nRUN npm ci && npm run build\n\nFROM golang:1.25\nWORKDIR /src\nCOPY . .\nCOPY --from=build /web/dist ./static\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n';
  await splits(text,
    'FROM node:22 AS build\nWORKDIR /web\nCOPY web .\nRUN npm ci && npm run build\n\nFROM golang:1.25 AS builder\nWORKDIR /src\nCOPY . .\nCOPY --from=build /web/dist ./static\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian13:nonroot\nWORKDIR /src\nCOPY --from=builder /app /app\nCMD ["/app"]\n');
  const ctx = refactorContext(text);
  assert.deepEqual(refactoringsAt(ctx, 10).filter((o) => o.refactoring === ID), [], 'not in the first stage');
  const inFinal = refactoringsAt(ctx, text.indexOf('COPY . .')).filter((o) => o.refactoring === ID);
  assert.deepEqual(inFinal.map((o) => [o.key, o.start, o.end]), [['1', text.indexOf('FROM golang'), text.length - 1]]);
});

test('not offered on a clean final stage nor a toolchain image kept as an environment', () => {
  assert.deepEqual(offersOf(ID, 'FROM golang:1.25 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n'), []);
  assert.deepEqual(offersOf(ID, 'FROM golang:1.25\nWORKDIR /src\nCOPY . .\nRUN go build ./...\n'), []);
  assert.deepEqual(offersOf(ID, 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/index.js"]\n'), []);
});

test('where the rule fires but no split can be made, the offer is greyed out with the reason (apply gives it)', async () => {
  const reason = (text: string) => offersOf(ID, text).map((o) => [o.title, o.unavailable]);
  assert.deepEqual(reason('FROM node:22\nRUN apt-get update && apt-get install -y g++ make\nCOPY . .\nRUN npm install\nCMD ["node", "index.js"]\n'),
    [['Split into a builder stage and a runtime stage on node:22-slim', 'no folder of the build to copy: the files are copied to / (set a WORKDIR for the app first)']]);
  assert.deepEqual(reason('FROM maven:3\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD ["java", "-jar", "target/app.jar"]\n'),
    [['Split into a builder stage and a runtime stage', 'no build output of maven:3 is known here (`go build`, `cargo build`, `dotnet publish`, Maven or Gradle on a JDK release its tag names)']]);
  assert.deepEqual(reason('FROM debian:bookworm AS base\nRUN apt-get update && apt-get install -y gcc\nFROM base\nCOPY . .\nRUN gcc -o /app app.c\nCMD ["/app"]\n'),
    [['Split into a builder stage and a runtime stage', 'the final stage is built FROM the stage base, whose toolchain it inherits: split where the build happens']]);
  assert.deepEqual(reason('ARG IMAGE\nFROM ${IMAGE}\nRUN apt-get update && apt-get install -y gcc && gcc -o /hello hello.c\nCMD ["/hello"]\n'),
    [['Split into a builder stage and a runtime stage', 'its image is set by IMAGE, so the runtime image to match it is not known']]);
  await assert.rejects(refactor(ID, 'FROM maven:3\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD ["java", "-jar", "target/app.jar"]\n'), /no build output of maven:3/);
});

test('an ended release line or an untagged base splits too: the runtime stage repeats the problem the file has, and adds none', async () => {
  await splits('FROM node:20\nRUN apt-get update && apt-get install -y build-essential\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/main.js"]\n',
    'FROM node:20 AS build\nRUN apt-get update && apt-get install -y build-essential\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nRUN npm prune --omit=dev\n\nFROM node:20-slim\nWORKDIR /app\nCOPY --from=build /app /app\nCMD ["node", "dist/main.js"]\n');
  await splits('FROM debian\nRUN apt-get update && apt-get install -y gcc\nWORKDIR /src\nCOPY . .\nRUN gcc -o /src/app app.c\nCMD ["/src/app"]\n',
    'FROM debian AS build\nRUN apt-get update && apt-get install -y gcc\nWORKDIR /src\nCOPY . .\nRUN gcc -o /src/app app.c\n\nFROM debian\nWORKDIR /src\nCOPY --from=build /src/app /src/app\nCMD ["/src/app"]\n',
    { answers: ['/src/app'] });
});

test('a language image without a known recipe splits the generic way: its own image, asking what to copy', async () => {
  const text = 'FROM python:3.13\nRUN apt-get update && apt-get install -y --no-install-recommends gcc make && rm -rf /var/lib/apt/lists/*\nWORKDIR /opt/ext\nCOPY . .\nRUN python setup.py build_ext --inplace\nCMD ["python", "-m", "ext.server"]\n';
  assert.deepEqual(offersOf(ID, text)[0].question?.candidates.map((c) => c.value), ['/opt/ext']);
  await splits(text,
    'FROM python:3.13 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc make && rm -rf /var/lib/apt/lists/*\nWORKDIR /opt/ext\nCOPY . .\nRUN python setup.py build_ext --inplace\n\nFROM python:3.13\nWORKDIR /opt/ext\nCOPY --from=build /opt/ext /opt/ext\nCMD ["python", "-m", "ext.server"]\n',
    { answers: ['/opt/ext'] });
});

test('a named final stage keeps its name on the runtime stage (a --target still ships it); lower-case keywords and CRLF kept', async () => {
  await splits(
    'from rust:1.90-slim-bookworm as app\r\nrun apt-get update && apt-get install -y --no-install-recommends pkg-config libssl-dev && rm -rf /var/lib/apt/lists/*\r\nworkdir /app\r\ncopy . .\r\nrun cargo build --release --locked\r\n# the service\r\ncmd ["./target/release/svc"]\r\n',
    'from rust:1.90-slim-bookworm as build\r\nrun apt-get update && apt-get install -y --no-install-recommends pkg-config libssl-dev && rm -rf /var/lib/apt/lists/*\r\nworkdir /app\r\ncopy . .\r\nrun cargo build --release --locked\r\n\r\nfrom debian:bookworm-slim as app\r\nworkdir /app\r\ncopy --from=build /app/target/release/svc /app/target/release/svc\r\n# the service\r\ncmd ["./target/release/svc"]\r\n',
    { files: { 'Cargo.toml': '[package]\nname = "svc"\n\n[dependencies]\nopenssl = "0.10"\n' } },
  );
});

test('Korean title and notes', async () => {
  const text = 'FROM golang:1.25\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n';
  const [offer] = offersOf(ID, text, { settings: { locale: 'ko' } });
  assert.equal(offer.title, '빌더 스테이지와 gcr.io/distroless/static-debian13:nonroot 기반 런타임 스테이지로 나누기');
  const out = await refactor(ID, text, { settings: { locale: 'ko' } });
  assert.match(out.notes[0], /런타임 스테이지는 `build` 스테이지에서 `\/app`/);
});
