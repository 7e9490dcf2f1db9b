-- CreateTable
CREATE TABLE "EventGroup" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "blockCount" INTEGER NOT NULL DEFAULT 0,
    "deviceCount" INTEGER NOT NULL DEFAULT 0,
    "userCount" INTEGER NOT NULL DEFAULT 0,
    "firstSeen" TIMESTAMP(3) NOT NULL,
    "lastSeen" TIMESTAMP(3) NOT NULL,
    "lastAgent" TEXT,
    "lastTool" TEXT,
    "lastDestination" TEXT,
    "lastRule" TEXT,
    "lastReason" TEXT,
    "lastExcerpt" TEXT,
    "lastDecision" TEXT,
    "triageState" "TriageState" NOT NULL DEFAULT 'new',
    "triageNote" TEXT,
    "triagedById" TEXT,
    "triagedByLabel" TEXT,
    "triagedAt" TIMESTAMP(3),
    "countAtTriage" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventGroupFacet" (
    "orgId" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "lastSeen" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventGroupFacet_pkey" PRIMARY KEY ("orgId","groupKey","facet","value")
);

-- CreateTable
CREATE TABLE "EventBucket" (
    "orgId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "blocked" INTEGER NOT NULL DEFAULT 0,
    "warned" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EventBucket_pkey" PRIMARY KEY ("orgId","hour")
);

-- CreateTable
CREATE TABLE "EventAggregateCursor" (
    "orgId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "eventId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventAggregateCursor_pkey" PRIMARY KEY ("orgId")
);

-- CreateIndex
CREATE INDEX "EventGroup_orgId_lastSeen_id_idx" ON "EventGroup"("orgId", "lastSeen", "id");

-- CreateIndex
CREATE INDEX "EventGroup_orgId_triageState_lastSeen_id_idx" ON "EventGroup"("orgId", "triageState", "lastSeen", "id");

-- CreateIndex
CREATE INDEX "EventGroup_orgId_eventCount_id_idx" ON "EventGroup"("orgId", "eventCount", "id");

-- CreateIndex
CREATE UNIQUE INDEX "EventGroup_orgId_groupKey_key" ON "EventGroup"("orgId", "groupKey");

-- CreateIndex
CREATE INDEX "EventGroupFacet_orgId_facet_value_lastSeen_idx" ON "EventGroupFacet"("orgId", "facet", "value", "lastSeen");

-- CreateIndex
CREATE INDEX "BlockEvent_orgId_receivedAt_id_idx" ON "BlockEvent"("orgId", "receivedAt", "id");

-- AddForeignKey
ALTER TABLE "EventGroup" ADD CONSTRAINT "EventGroup_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventGroupFacet" ADD CONSTRAINT "EventGroupFacet_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventBucket" ADD CONSTRAINT "EventBucket_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventAggregateCursor" ADD CONSTRAINT "EventAggregateCursor_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

