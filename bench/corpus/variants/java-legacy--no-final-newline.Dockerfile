FROM openjdk:8
VOLUME /tmp
ADD target/service.jar app.jar
RUN sh -c 'touch /app.jar'
ENV JAVA_OPTS -Xmx512m
EXPOSE 8080
ENTRYPOINT java -Xms256m -Xmx1g -Djava.security.egd=file:/dev/./urandom -jar /app.jar