-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RollupState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "timeZone" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_RollupState" ("id", "timeZone") SELECT "id", "timeZone" FROM "RollupState";
DROP TABLE "RollupState";
ALTER TABLE "new_RollupState" RENAME TO "RollupState";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
