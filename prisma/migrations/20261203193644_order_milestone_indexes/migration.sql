-- CreateIndex
CREATE INDEX "Order_firstPrepaidAt_idx" ON "Order"("firstPrepaidAt");

-- CreateIndex
CREATE INDEX "Order_refundedAt_idx" ON "Order"("refundedAt");

-- CreateIndex
CREATE INDEX "Order_cancelledAt_idx" ON "Order"("cancelledAt");
