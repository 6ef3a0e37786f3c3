# The API only; the database is a separate service (docker-compose.yml) reached through NEO4J_URI.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-slim
# NODE_COMPILE_CACHE (Node 22+): V8 keeps compiled code between starts, so a restarted container is ready sooner.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 NODE_COMPILE_CACHE=/tmp/node-compile-cache
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY schema ./schema
COPY data ./data
USER node
EXPOSE 4000
CMD ["node", "dist/server.mjs"]
