# One multi-stage image definition for every service, chosen by build argument:
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=intake -t sunshine/intake .
# Runs `node dist/apps/<service>/src/main.js` as an unprivileged user (uid 10001, as deploy/k8s runs it), with a health
# check on /health/live. Unverified on our machines (no Docker engine there); the native scripts in deploy/local run
# the same build, and CI validates docker-compose.yml against the Compose specification (deploy/docker/check-compose.js).
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json nx.json ./
COPY apps apps
COPY libs libs
COPY deploy/local/build.sh deploy/local/build.sh
RUN bash deploy/local/build.sh && npm prune --omit=dev

FROM node:20.20-bookworm-slim
ARG SERVICE
RUN test -n "$SERVICE" || { echo "build with --build-arg SERVICE=intake|routing|supervision|notification|evaluation" >&2; exit 1; }
ENV NODE_ENV=production SERVICE=${SERVICE} TZ=UTC PORT=3000
RUN groupadd --system --gid 10001 sunshine && useradd --system --uid 10001 --gid sunshine --no-create-home sunshine
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
# The category model that intake's classifier loads (libs/platform/src/classify, models/category/model.json).
COPY models models
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
