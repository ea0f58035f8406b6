import { defineRule } from '../rule';
import { shippedToolchain } from '../model/toolchain';

export default defineRule({
  meta: {
    id: 'build-toolchain-in-final-stage',
    aliases: {},
    counterparts: {
      tally: ['prefer-multi-stage-build'],
      differences: "Looks at the shipped stage of multi-stage files too, where tally's prefer-multi-stage-build fires only on files with a single stage.",
    },
    category: 'size',
    status: 'preview',
    defaultSeverity: 'warning',
    messages: {
      sdkImage: 'The final stage runs on the {image} SDK image; build in a separate stage and copy the result into a small runtime image',
      buildToolsKept: 'The shipped image keeps build tools ({packages}); compile in a builder stage and copy only the result',
      compilersLeft: 'Removing {package} without --auto-remove leaves the compilers it installed; add --auto-remove (or compile in a builder stage)',
    },
    docs: {
      summary: 'The shipped image carries a build toolchain',
      why: 'Compilers, headers and git are needed to build, not to run. In the final image they add hundreds of megabytes and give an attacker who gets a shell the tools to build exploits. A multi-stage build compiles in a builder stage and copies only the result into a small runtime stage. With apt, removing build-essential (or gcc) without --auto-remove leaves the compilers it pulled in. Images meant to work in or build on keep their toolchain on purpose and are not reported: Dev Containers, `dev`/`dev-envs` targets, and images whose command is a shell or language prompt or that set none (golang, buildpack-deps). Neither are tools the image needs at run time: git the build never runs (a git server, Docker, a CI client), and the compilers of a program that compiles when it runs (distcc, bpftrace). Headers (`-dev` packages) or `make` alone are reported only in a stage that compiles: on their own they are often what the program needs when it runs.',
      examples: [
        {
          bad: 'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
          good: 'FROM python:3.13-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip wheel --no-cache-dir -w /wheels -r requirements.txt\n\nFROM python:3.13-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\nCOPY . .\nCMD ["python", "app.py"]\n',
        },
        { bad: 'FROM golang:1.25\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n', good: 'FROM golang:1.25 AS build\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n' },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  check(ctx) {
    for (const f of shippedToolchain(ctx.model)) ctx.report(f);
  },
});
