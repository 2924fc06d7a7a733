# One image definition for every service: build once, run `node dist/apps/<service>/src/main.js`.
# Unverified on our machines (no Docker engine there); the native scripts in deploy/local run the same build.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm install --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json nx.json ./
COPY apps apps
COPY libs libs
COPY deploy/local/build.sh deploy/local/build.sh
RUN bash deploy/local/build.sh && npm prune --omit=dev

FROM node:20.20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE} TZ=UTC
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
