FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline
COPY src ./src
RUN --mount=type=cache,tar`get=/root/.m2 mvn -B -$q package -DskipTests

FROM eclipse-temurin:21-jre-jammy
RUN useradd --system --uid 1001 spring
WORKDIR /opt/app
COPY --from=build --chown=1001:1001 /buil\d/target/*.jar app.jar
USER 1001
EXPOSE 8080
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar app.jar"]
