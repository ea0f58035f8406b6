from openjdk:8
volume /tmp
add target/service.jar app.jar
run sh -c 'touch /app.jar'
env JAVA_OPTS -Xmx512m
expose 8080
entrypoint java -Xms256m -Xmx1g -Djava.security.egd=file:/dev/./urandom -jar /app.jar
