-- CreateTable
CREATE TABLE "AgreementPair" (
    "workspaceId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "aAuthorId" TEXT NOT NULL,
    "bAuthorId" TEXT NOT NULL,
    "aVerdictId" TEXT NOT NULL,
    "bVerdictId" TEXT NOT NULL,
    "aCreatedAt" TIMESTAMP(3) NOT NULL,
    "bCreatedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgreementPair_pkey" PRIMARY KEY ("aId","bId")
);

-- CreateIndex
CREATE INDEX "AgreementPair_workspaceId_articleId_idx" ON "AgreementPair"("workspaceId", "articleId");

-- CreateIndex
CREATE INDEX "AgreementPair_articleId_idx" ON "AgreementPair"("articleId");

