-- CreateTable
CREATE TABLE "ApprovalTally" (
    "workspaceId" TEXT NOT NULL,
    "week" TIMESTAMP(3) NOT NULL,
    "hours" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ApprovalTally_pkey" PRIMARY KEY ("workspaceId","week","hours")
);
