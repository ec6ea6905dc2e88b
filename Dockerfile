# Production image: the compiled API and the built web app, talking to PostgreSQL (docker-compose.yml).
# Build stage: everything needed to build; the image keeps only what runs.
FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN npm install -g pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile \
  && pnpm build \
  && pnpm --filter @sip/api deploy --prod --legacy /out \
  && rm -rf /out/src /out/test /out/bench /out/dist \
  && cp -r apps/api/dist /out/dist \
  && cp -r apps/web/dist /out/web

# Run stage: node, the API's production dependencies, the compiled API and the web app. No
# TypeScript tooling, no dev dependencies, no sources.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 WEB_DIST=/app/web
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/node_modules ./node_modules
COPY --from=build /out/dist ./dist
COPY --from=build /out/web ./web
# The data folder (uploaded bukti dukung) is the one place the app writes; compose mounts a
# volume on it, which Docker fills with this folder's owner on first use.
ENV DATA_DIR=/app/data
RUN mkdir -p /app/data/uploads && chown -R node:node /app/data
VOLUME /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/cli.js", "serve"]
