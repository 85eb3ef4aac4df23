# IncidentFlow: one image for both processes.
#   docker build -t incidentflow .
#   docker run ... incidentflow server config/production.yml   (API on 8080, admin/health on 8081)
#   docker run ... incidentflow worker config/production.yml   (worker; admin/health on 8081)
# docker-compose.yml builds it for the local stack (see docker/README.md).

# ---- build: the shaded jar api/target/incidentflow.jar ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src

# The poms alone first: packaging the empty modules resolves every dependency and plugin the real
# build needs, in a layer that is reused until a pom changes.
COPY pom.xml ./
COPY workflows/pom.xml workflows/
COPY activities/pom.xml activities/
COPY worker/pom.xml worker/
COPY api/pom.xml api/
RUN mvn -B -ntp -DskipTests package \
 && rm -rf target workflows/target activities/target worker/target api/target

# config/ is built into the jar too (its copies under incidentflow/ on the class path).
COPY config/ config/
COPY workflows/src/ workflows/src/
COPY activities/src/ activities/src/
COPY worker/src/ worker/src/
COPY api/src/ api/src/
RUN mvn -B -ntp -DskipTests package

# ---- runtime ----
# Java 25 (the build targets 17): the worker runs workflow code on virtual threads from Java 21 on
# (worker.virtualWorkflowThreads, auto). On Java 25 bench measured far lower timer lateness with
# them and no timer left unfired, where platform threads left hundreds to thousands
# (docs/benchmarks.md, twenty-fifth session).
FROM eclipse-temurin:25-jre

# curl for the health check (GET :8081/healthcheck).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 incidentflow \
 && useradd --system --uid 10001 --gid incidentflow --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin incidentflow

# The app reads config/*.yml relative to the working directory. Owned by root: the app only reads.
WORKDIR /app
COPY --from=build /src/api/target/incidentflow.jar /app/incidentflow.jar
COPY --from=build /src/config/ /app/config/

USER 10001:10001
EXPOSE 8080 8081

# Both commands serve the admin port; ADMIN_PORT moves it, as in the config files.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${ADMIN_PORT:-8081}/healthcheck" || exit 1

# The heap may use most of the container's memory limit (the JVM's default is a quarter). The flag
# keeps Java 25 from warning at start that protobuf uses sun.misc.Unsafe (Java 23 and newer only:
# drop it on an older Java); the jar's manifest lets Netty load its native library.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "--sun-misc-unsafe-memory-access=allow", \
            "-jar", "/app/incidentflow.jar"]
CMD ["server", "config/production.yml"]
