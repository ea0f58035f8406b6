FROM openjdk:8
VOLUME /tmp
ADD target/service.jar app.jar
