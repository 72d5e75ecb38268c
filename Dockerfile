# syntax=docker/dockerfile:1
# The image of any Capaian service: the service is a build argument. Build context = repository root:
#   docker build --build-arg SERVICE=personnel -t capaian/personnel:<version> .
# Three stages: build (full workspace, dev dependencies, `nx build`), deps (only this service's
# production packages, cut from the root lock file by tools/docker/prune-deps.mjs), runtime (those
# packages + the compiled service, non-root). See docs/deploy.md.
# The staff portal is the `portal` target: its static build served by nginx, nothing of Node:
#   docker build --target portal --build-arg KEYCLOAK_AUTHORITY=https://sso.example/realms/capaian -t capaian/portal:<version> .
# (tools/docker/build-images.mjs prints or runs the commands for every image.) The service
# stages come last, so a build without --target still makes a service image.
ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.30-alpine

FROM ${NODE_IMAGE} AS portal-build
# The portal reads Keycloak's realm URL at build time (Vite inlines it): one image per environment.
ARG KEYCLOAK_AUTHORITY
RUN test -n "${KEYCLOAK_AUTHORITY}" || { echo "build argument KEYCLOAK_AUTHORITY is required for the portal (e.g. https://sso.example/realms/capaian)" >&2; exit 1; }
WORKDIR /workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY apps/portal/ apps/portal/
RUN VITE_KEYCLOAK_AUTHORITY="${KEYCLOAK_AUTHORITY}" npx vite build --config apps/portal/vite.config.ts

FROM ${NGINX_IMAGE} AS portal
# nginx-unprivileged: uid 101, port 8080, pid and temporary files in /tmp (read-only root filesystem
# with an emptyDir on /tmp, deploy/k8s/base/portal). The files stay owned by root.
COPY tools/docker/portal-nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=portal-build /workspace/dist/apps/portal/ /usr/share/nginx/html/
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --retries=3 CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]

FROM ${NODE_IMAGE} AS build
ARG SERVICE
# Fail early on a missing or unknown service, and record its port for the health check.
RUN case "${SERVICE}" in \
      gateway) echo 3000 ;; personnel) echo 3001 ;; appraisal) echo 3002 ;; career) echo 3003 ;; notification) echo 3004 ;; \
      *) echo "build argument SERVICE must be gateway, personnel, appraisal, career or notification (got '${SERVICE}')" >&2; exit 1 ;; \
    esac > /service-port
WORKDIR /workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true CI=true
COPY package.json package-lock.json ./
# --ignore-scripts: no install script is needed to compile (nx and swc ship their native parts as
# platform packages), and it keeps keycloak-connect's optional chromedriver from downloading a browser driver.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY nx.json tsconfig.base.json ./
COPY tools/docker/ tools/docker/
COPY libs/ libs/
COPY apps/ apps/
RUN npx nx build "${SERVICE}" --output-style=static \
 && node tools/docker/prune-deps.mjs "${SERVICE}" --out /prod \
 && cp /service-port /prod/service-port

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /prod/package.json /prod/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
# The services read their default port from their configuration (libs/shared/config), so PORT is
# only set when it must differ; SERVICE names the entry point.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    SERVICE=${SERVICE} \
    NODE_OPTIONS="--enable-source-maps --max-semi-space-size=2" \
    MALLOC_MMAP_THRESHOLD_=131072 \
    KAFKAJS_NO_PARTITIONER_WARNING=1
WORKDIR /app
# Code and packages stay owned by root: the service user can read them, not change them.
COPY --from=deps /app/package.json ./package.json
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /prod/service-port ./service-port
COPY --from=build /workspace/dist/apps/${SERVICE} ./dist/apps/${SERVICE}
# One entry path whatever the service: /app/service/main.js and /app/service/migrate.js.
RUN ln -s "dist/apps/${SERVICE}/apps/${SERVICE}/src" /app/service
USER node
# No EXPOSE: the port depends on the service (/app/service-port); compose and Kubernetes name it.
# Liveness only: a database or Kafka outage must not get the container restarted (readiness,
# /health/ready, is for the load balancer). Node has fetch, so the slim image needs no curl.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const p = process.env.PORT || require('fs').readFileSync('/app/service-port', 'utf8').trim(); fetch('http://127.0.0.1:' + p + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The service drains on SIGTERM (Nest shutdown hooks): give it time with `docker stop -t 30`.
STOPSIGNAL SIGTERM
# `node service/migrate.js` runs the migrations with the same image.
CMD ["node", "service/main.js"]
