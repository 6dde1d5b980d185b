-- AlterTable
ALTER TABLE "VerdictScale" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

