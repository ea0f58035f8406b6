import { defineRule } from '../rule';

const XMX = /(?<![\w-])-Xmx\d+[kKmMgGtT]?\b/g;

export default defineRule({
  meta: {
    id: 'jvm-fixed-heap',
    aliases: {},
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'info',
    messages: {
      fixedHeap: '{flag} fixes the heap regardless of the container\'s memory limit; prefer -XX:MaxRAMPercentage',
    },
    docs: {
      summary: 'A fixed JVM heap (`-Xmx`) in the image',
      why: 'A heap size baked into the image ignores the memory limit the container actually gets: too large and the kernel OOM-kills the JVM, too small and memory goes unused. Since Java 10 the JVM reads the container limit; `-XX:MaxRAMPercentage=75` sizes the heap from it wherever the image runs.',
      examples: [
        { bad: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nENTRYPOINT ["java", "-Xmx2g", "-jar", "/app.jar"]\n', good: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app.jar"]\n' },
      ],
      references: ['https://docs.oracle.com/en/java/javase/21/docs/specs/man/java.html#advanced-runtime-options-for-java'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stage = model.finalStage;
    if (!stage) return;
    for (const instr of stage.instructions) {
      if (!['ENV', 'ENTRYPOINT', 'CMD'].includes(instr.keyword)) continue;
      const text = model.text.slice(instr.start, instr.end);
      for (const m of text.matchAll(XMX)) {
        ctx.report({ start: instr.start + m.index!, end: instr.start + m.index! + m[0].length, messageId: 'fixedHeap', data: { flag: m[0] } });
      }
    }
  },
});
