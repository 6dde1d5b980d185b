-- CreateIndex
CREATE INDEX "Annotation_workspaceId_articleId_start_id_idx" ON "Annotation"("workspaceId", "articleId", "start", "id");

