-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "prepaidTotal" INTEGER NOT NULL DEFAULT 0,
    "snapshotKind" TEXT NOT NULL,
    "snapshotAt" DATETIME,
    "email" TEXT,
    "emailLower" TEXT,
    "search" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "middleName" TEXT,
    "phone" TEXT,
    "country" TEXT,
    "region" TEXT,
    "city" TEXT,
    "postalCode" TEXT,
    "address" TEXT,
    "comment" TEXT,
    "tag" TEXT,
    "coupon" TEXT,
    "domain" TEXT,
    "payway" TEXT,
    "paymentType" TEXT,
    "link" TEXT,
    "isRecurrent" BOOLEAN NOT NULL DEFAULT false,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmContent" TEXT,
    "utmTerm" TEXT,
    "createdAt" DATETIME,
    "firstPrepaidAt" DATETIME,
    "paidAt" DATETIME,
    "refundedAt" DATETIME,
    "cancelledAt" DATETIME,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrderItem" (
    "orderId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "productId" TEXT,
    "title" TEXT,
    "sum" INTEGER NOT NULL,
    "price" INTEGER,
    "pincode" TEXT,

    PRIMARY KEY ("orderId", "position"),
    CONSTRAINT "OrderItem_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "amount" INTEGER,
    "orderTotal" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "possibleRepeat" BOOLEAN NOT NULL DEFAULT false,
    "notificationId" INTEGER NOT NULL,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmContent" TEXT,
    "utmTerm" TEXT,
    "coupon" TEXT,
    "partnerFees" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderEvent_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SoldItem" (
    "eventId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT,
    "title" TEXT,
    "sum" INTEGER NOT NULL,
    "price" INTEGER,

    PRIMARY KEY ("eventId", "position"),
    CONSTRAINT "SoldItem_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OrderEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DayTotal" (
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "orderTotal" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "partnerFees" INTEGER NOT NULL,
    "flagged" INTEGER NOT NULL DEFAULT 0,
    "flaggedAmount" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "kind")
);

-- CreateTable
CREATE TABLE "DayUtmTotal" (
    "day" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "medium" TEXT NOT NULL,
    "campaign" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "created" INTEGER NOT NULL,
    "paid" INTEGER NOT NULL,
    "gross" INTEGER NOT NULL,
    "refunds" INTEGER NOT NULL,
    "feesEarned" INTEGER NOT NULL,
    "feesTakenBack" INTEGER NOT NULL,

    PRIMARY KEY ("day", "source", "medium", "campaign", "content", "term")
);

-- CreateTable
CREATE TABLE "DayProductTotal" (
    "day" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "title" TEXT,
    "items" INTEGER NOT NULL,
    "sum" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL,

    PRIMARY KEY ("day", "kind", "productId")
);

-- CreateTable
CREATE TABLE "RollupState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "timeZone" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "login" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PartnerFee" (
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

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "body" BLOB NOT NULL,
    "contentType" TEXT,
    "query" TEXT,
    "kind" TEXT,
    "orderId" TEXT,
    "verdict" TEXT NOT NULL,
    "reason" TEXT,
    "signature" TEXT
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'STAFF',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Order_status_idx" ON "Order"("status");

-- CreateIndex
CREATE INDEX "Order_createdAt_utmSource_utmMedium_utmCampaign_utmContent_utmTerm_idx" ON "Order"("createdAt", "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm");

-- CreateIndex
CREATE INDEX "Order_firstPrepaidAt_status_paidAt_total_prepaidTotal_idx" ON "Order"("firstPrepaidAt", "status", "paidAt", "total", "prepaidTotal");

-- CreateIndex
CREATE INDEX "Order_paidAt_utmSource_utmMedium_utmCampaign_utmContent_utmTerm_idx" ON "Order"("paidAt", "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm");

-- CreateIndex
CREATE INDEX "Order_refundedAt_idx" ON "Order"("refundedAt");

-- CreateIndex
CREATE INDEX "Order_cancelledAt_status_idx" ON "Order"("cancelledAt", "status");

-- CreateIndex
CREATE INDEX "Order_emailLower_idx" ON "Order"("emailLower");

-- CreateIndex
CREATE INDEX "OrderItem_productId_idx" ON "OrderItem"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderEvent_notificationId_key" ON "OrderEvent"("notificationId");

-- CreateIndex
CREATE INDEX "OrderEvent_kind_occurredAt_orderTotal_amount_partnerFees_idx" ON "OrderEvent"("kind", "occurredAt", "orderTotal", "amount", "partnerFees");

-- CreateIndex
CREATE INDEX "OrderEvent_kind_occurredAt_utmSource_utmMedium_utmCampaign_utmContent_utmTerm_coupon_orderTotal_partnerFees_idx" ON "OrderEvent"("kind", "occurredAt", "utmSource", "utmMedium", "utmCampaign", "utmContent", "utmTerm", "coupon", "orderTotal", "partnerFees");

-- CreateIndex
CREATE UNIQUE INDEX "OrderEvent_orderId_dedupeKey_key" ON "OrderEvent"("orderId", "dedupeKey");

-- CreateIndex
CREATE INDEX "SoldItem_kind_occurredAt_productId_sum_price_idx" ON "SoldItem"("kind", "occurredAt", "productId", "sum", "price");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerFee_clawbackOfId_key" ON "PartnerFee"("clawbackOfId");

-- CreateIndex
CREATE INDEX "PartnerFee_partnerId_earnedAt_idx" ON "PartnerFee"("partnerId", "earnedAt");

-- CreateIndex
CREATE INDEX "PartnerFee_earnedAt_kind_amount_idx" ON "PartnerFee"("earnedAt", "kind", "amount");

-- CreateIndex
CREATE INDEX "PartnerFee_reversedAt_kind_amount_idx" ON "PartnerFee"("reversedAt", "kind", "amount");

-- CreateIndex
CREATE INDEX "PartnerFee_orderId_idx" ON "PartnerFee"("orderId");

-- CreateIndex
CREATE INDEX "PartnerFee_payoutId_idx" ON "PartnerFee"("payoutId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerFee_eventId_itemPosition_level_kind_key" ON "PartnerFee"("eventId", "itemPosition", "level", "kind");

-- CreateIndex
CREATE INDEX "Payout_partnerId_paidOn_idx" ON "Payout"("partnerId", "paidOn");

-- CreateIndex
CREATE INDEX "Payout_paidOn_idx" ON "Payout"("paidOn");

-- CreateIndex
CREATE INDEX "Notification_receivedAt_idx" ON "Notification"("receivedAt");

-- CreateIndex
CREATE INDEX "Notification_verdict_receivedAt_idx" ON "Notification"("verdict", "receivedAt");

-- CreateIndex
CREATE INDEX "Notification_orderId_idx" ON "Notification"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
