# Keycard as a WAR in the official Apache Tomcat 11 image (Eclipse Temurin JRE 17).
#   docker build -t keycard .
#   docker run -e ACCESS_SECRET="$(openssl rand -base64 48)" -e REFRESH_SECRET="$(openssl rand -base64 48)" \
#              -p 8080:8080 keycard
# Secrets come only from the environment; nothing secret is baked into the image.

# --- build: the same `mvn package` as on a workstation ------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY src ./src
COPY webapp ./webapp
RUN mvn -B -q package -DskipTests

# --- run: official Tomcat 11 on JRE 17 ----------------------------------------------------------------
FROM tomcat:11-jre17-temurin

# Settings file and users; mount your own users.json over /etc/keycard/users.json (the shipped one holds
# only the demo account). Session records of graceful restarts go to /var/lib/keycard.
ENV KEYCARD_CONFIG=/etc/keycard/keycard.properties \
    KEYCARD_SESSION_DATA_DIR=/var/lib/keycard
COPY conf/keycard.properties conf/users.json /etc/keycard/

# No default applications; Tomcat runs as an unprivileged user that may write only where it must.
RUN set -eux; \
    rm -rf "$CATALINA_HOME"/webapps/* "$CATALINA_HOME"/webapps.dist; \
    groupadd --system keycard; \
    useradd --system --gid keycard --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin keycard; \
    mkdir -p "$CATALINA_HOME"/conf/Catalina/localhost /var/lib/keycard; \
    chown -R keycard:keycard "$CATALINA_HOME"/logs "$CATALINA_HOME"/temp "$CATALINA_HOME"/work \
        "$CATALINA_HOME"/webapps "$CATALINA_HOME"/conf/Catalina /var/lib/keycard; \
    chmod 0700 /var/lib/keycard

# The web application at /keycard.
COPY --from=build --chown=keycard:keycard /src/target/keycard.war /usr/local/tomcat/webapps/keycard.war

USER keycard
VOLUME /var/lib/keycard
EXPOSE 8080

# The base image ships curl. Health is 200 only once Keycard started; without secrets it never does.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/keycard/api/health || exit 1

# `catalina.sh run` execs Java as PID 1, so `docker stop` (SIGTERM) shuts Tomcat down gracefully and
# Keycard saves its sessions.
CMD ["catalina.sh", "run"]
