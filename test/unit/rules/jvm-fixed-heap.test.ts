import rule from '../../../server/src/engine/rules/jvm-fixed-heap';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM eclipse-temurin:21-jre\nENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app.jar"]\n',
    { name: 'builder stage', code: 'FROM maven:3.9 AS build\nENV MAVEN_OPTS=-Xmx1g\nFROM eclipse-temurin:21-jre\nCMD ["java", "-jar", "/app.jar"]\n' },
  ],
  invalid: [
    { code: 'FROM eclipse-temurin:21-jre\nENV JAVA_OPTS="-Xms512m -Xmx2g"\n', errors: [{ at: '2:25-2:31', messageId: 'fixedHeap', data: { flag: '-Xmx2g' }, message: /MaxRAMPercentage/ }] },
    { name: 'shell form entrypoint', code: 'FROM eclipse-temurin:21-jre\nENTRYPOINT java -Xmx512M -jar /app.jar\n', errors: [{ at: '2:17-2:25', messageId: 'fixedHeap', data: { flag: '-Xmx512M' } }] },
  ],
});
