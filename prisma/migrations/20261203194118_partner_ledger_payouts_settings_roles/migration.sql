-- CreateTable
CREATE TABLE "Payout" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnerId" TEXT NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "paidOn" TEXT NOT NULL,
    "reference" TEXT,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "undoneAt" DATETIME,
    "undoneBy" TEXT,
    "undoReason" TEXT,
    CONSTRAINT "Payout_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "refundsReverseFees" BOOLEAN NOT NULL DEFAULT true,
    "feeHoldDays" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PartnerFee" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL DEFAULT 'FEE',
    "eventId" INTEGER NOT NULL,
    "orderId" TEXT NOT NULL,
    "itemPosition" INTEGER NOT NULL,
    "productId" TEXT,
    "itemSum" INTEGER NOT NULL,
    "partnerId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "earnedAt" DATETIME NOT NULL,
    "reversedAt" DATETIME,
    "payoutId" INTEGER,
    "clawbackOfId" INTEGER,
    CONSTRAINT "PartnerFee_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OrderEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PartnerFee_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PartnerFee_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PartnerFee_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PartnerFee_clawbackOfId_fkey" FOREIGN KEY ("clawbackOfId") REFERENCES "PartnerFee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PartnerFee" ("amount", "earnedAt", "eventId", "id", "itemPosition", "itemSum", "level", "orderId", "partnerId", "productId", "reversedAt") SELECT "amount", "earnedAt", "eventId", "id", "itemPosition", "itemSum", "level", "orderId", "partnerId", "productId", "reversedAt" FROM "PartnerFee";
DROP TABLE "PartnerFee";
ALTER TABLE "new_PartnerFee" RENAME TO "PartnerFee";
CREATE UNIQUE INDEX "PartnerFee_clawbackOfId_key" ON "PartnerFee"("clawbackOfId");
CREATE INDEX "PartnerFee_partnerId_earnedAt_idx" ON "PartnerFee"("partnerId", "earnedAt");
CREATE INDEX "PartnerFee_earnedAt_idx" ON "PartnerFee"("earnedAt");
CREATE INDEX "PartnerFee_reversedAt_idx" ON "PartnerFee"("reversedAt");
CREATE INDEX "PartnerFee_orderId_idx" ON "PartnerFee"("orderId");
CREATE INDEX "PartnerFee_payoutId_idx" ON "PartnerFee"("payoutId");
CREATE UNIQUE INDEX "PartnerFee_eventId_itemPosition_level_kind_key" ON "PartnerFee"("eventId", "itemPosition", "level", "kind");
CREATE TABLE "new_User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'STAFF',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_User" ("createdAt", "email", "id", "name", "passwordHash") SELECT "createdAt", "email", "id", "name", "passwordHash" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Payout_partnerId_paidOn_idx" ON "Payout"("partnerId", "paidOn");

-- CreateIndex
CREATE INDEX "Payout_paidOn_idx" ON "Payout"("paidOn");

-- Users created before roles existed were the owner, created on first start.
UPDATE "User" SET "role" = 'ADMIN';
