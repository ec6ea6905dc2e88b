# Production image: API + built web app, talking to PostgreSQL (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
COPY --from=build /app /app
# The data folder (uploaded bukti dukung) is the one place the app writes; compose mounts a
# volume on it, which Docker fills with this folder's owner on first use.
ENV DATA_DIR=/app/data
RUN mkdir -p /app/data/uploads && chown -R node:node /app/data
VOLUME /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "apps/api/src/cli.ts", "serve"]
