#!/bin/sh
# Prisma's CLI insists that a schema-engine binary exists even for `prisma generate`, which never
# runs it. The real binary is a download from Prisma's servers that fails offline, so the npm
# scripts point PRISMA_SCHEMA_ENGINE_BINARY here. If anything does execute it, say why it fails.
echo "The native Prisma schema engine is not installed here. Use 'npm run db:migrate' or 'npm run db:new-migration' (WASM engine)." >&2
exit 1
