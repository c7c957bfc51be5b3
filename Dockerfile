# frictionlens for a team (docker-compose.yml): the CLI with its models, built from this checkout.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
# npm ci runs `prepare` (the build: TypeScript and the dashboard bundle), which needs the dev
# dependencies; they are dropped once it has run.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev && rm -rf test bench data/generator .services
# The CLI's own shebang sets Node's heap flags (src/cli/main.ts).
ENTRYPOINT ["/app/dist/src/cli/main.js"]
CMD ["--help"]
