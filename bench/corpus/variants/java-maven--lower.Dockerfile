from maven:3.9-eclipse-temurin-21 AS build
workdir /build
copy pom.xml .
run --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline
copy src ./src
run --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests

from eclipse-temurin:21-jre-jammy
run useradd --system --uid 1001 spring
workdir /opt/app
copy --from=build --chown=1001:1001 /build/target/*.jar app.jar
user 1001
expose 8080
env JAVA_OPTS="-XX:MaxRAMPercentage=75"
entrypoint ["sh", "-c", "exec java $JAVA_OPTS -jar app.jar"]
