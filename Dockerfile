# One image for every AlphaTrader process. The compose `command` picks the script; docker/entrypoint.sh
# runs its bundle from dist/ (built here with `pnpm build`) with plain node.
#
#   docker build -t alphatrader .
#   docker run --rm -e REDIS_URL=redis://… alphatrader services/monitor/src/main.ts

ARG NODE_IMAGE=node:20-slim

# --- deps: production dependencies of the whole workspace, from the lockfile only ------------------
FROM ${NODE_IMAGE} AS deps
ENV CI=true
WORKDIR /app
# pnpm fetch needs nothing but the lockfile: this layer is rebuilt only when dependencies change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# The pnpm version pinned in package.json (packageManager), from the npm registry.
RUN npm install -g "pnpm@$(node -p "require('./package.json').packageManager.split('@')[1]")" \
 && pnpm fetch --prod
COPY . .
RUN pnpm install --offline --frozen-lockfile --prod \
 && pnpm build \
 && chmod 0755 docker/entrypoint.sh \
 && mkdir -p logs data

# --- runtime --------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    ATP_HTTP_HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app /app
USER node
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["services/monitor/src/main.ts"]
