#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on our machines.
# generate/validate/format never run it; migrations go through scripts/db.ts (WebAssembly engine, lib/migrations/).
echo "The native Prisma schema engine is not used in this project: run 'npm run db:migrate' (apply) or 'npm run db:migration -- <name>' (create)." >&2
exit 1
