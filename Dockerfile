# Glow hub image: node:20-slim, the apps built once in a build stage, production dependencies only at run time.
#   docker build -t glow-hub .
#   docker run -d --name glow --restart unless-stopped --network host -v glow-data:/data \
#     -e GLOW_HOST_NAMES=glow.local,192.168.1.20 glow-hub
# --network host lets the hub see the salon's network (its addresses go into its certificate); with -p 8443:8443
# -p 8080:8080 instead, list the host's name and address in GLOW_HOST_NAMES. The data directory (journal, snapshots,
# the hub's own CA) is the volume /data: keep it, back it up.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY hub/package.json hub/
COPY kiosk/package.json kiosk/
COPY staff-tablet/package.json staff-tablet/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production DATA_DIR=/data HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY hub/package.json hub/
COPY kiosk/package.json kiosk/
COPY staff-tablet/package.json staff-tablet/
COPY tests/package.json tests/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/hub/dist hub/dist
COPY --from=build /app/hub/scripts/serve.mjs hub/scripts/serve.mjs
COPY --from=build /app/kiosk/build kiosk/build
COPY --from=build /app/staff-tablet/build staff-tablet/build
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
USER node
VOLUME ["/data"]
EXPOSE 8443 8080
STOPSIGNAL SIGTERM
CMD ["node", "hub/scripts/serve.mjs"]
