-- Keycloak's own database for the compose stack (docker-compose.yml mounts this file into
-- /docker-entrypoint-initdb.d, so it runs once, when the PostgreSQL volume is new).
CREATE ROLE keycloak LOGIN PASSWORD 'keycloak';
CREATE DATABASE keycloak OWNER keycloak;
